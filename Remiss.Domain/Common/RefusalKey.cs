namespace Remiss.Domain.Common;

/// <summary>
/// What a refusal says, as keys of the web layer's texts (Resources/RefusalResource.resx, Swedish, and RefusalResource.en.resx).
/// In a text, {0} is the subject's label ("Titel", "Frågetext 3"), {1} the subject's index, {2} and on the arguments.
/// Constants, so a typo is a compile error; a test checks that each has a Swedish and an English text.
/// </summary>
public static class RefusalKey
{
    /// <summary>{0} is required.</summary>
    public const string Required = nameof(Required);

    /// <summary>{0} can be at most {2:N0} characters.</summary>
    public const string MaxLength = nameof(MaxLength);

    /// <summary>{0} must be a valid email address.</summary>
    public const string InvalidEmail = nameof(InvalidEmail);

    /// <summary>The action is not allowed.</summary>
    public const string NotAllowed = nameof(NotAllowed);

    /// <summary>The customer is already suspended.</summary>
    public const string TenantAlreadySuspended = nameof(TenantAlreadySuspended);

    /// <summary>The customer is not suspended.</summary>
    public const string TenantNotSuspended = nameof(TenantNotSuspended);

    /// <summary>The customer has no document template of its own.</summary>
    public const string NoDocumentTemplate = nameof(NoDocumentTemplate);

    /// <summary>At most {2} standard sections are allowed.</summary>
    public const string TooManySections = nameof(TooManySections);

    /// <summary>Two standard sections cannot have the same name.</summary>
    public const string SectionNamesRepeated = nameof(SectionNamesRepeated);

    /// <summary>The short name may contain only a–z, digits and hyphens (2–40 characters) and must start with a letter.</summary>
    public const string InvalidSlug = nameof(InvalidSlug);

    /// <summary>The short name "{2}" is reserved.</summary>
    public const string ReservedSlug = nameof(ReservedSlug);

    /// <summary>The short name "{2}" is already used by another customer.</summary>
    public const string SlugTaken = nameof(SlugTaken);

    /// <summary>The time zone "{2}" does not exist.</summary>
    public const string UnknownTimeZone = nameof(UnknownTimeZone);

    /// <summary>The customer does not exist.</summary>
    public const string TenantNotFound = nameof(TenantNotFound);

    /// <summary>Choose a valid kind of organisation.</summary>
    public const string InvalidOrganisationKind = nameof(InvalidOrganisationKind);

    /// <summary>{2} is already retired.</summary>
    public const string OrganisationAlreadyRetired = nameof(OrganisationAlreadyRetired);

    /// <summary>{2} is not retired.</summary>
    public const string OrganisationNotRetired = nameof(OrganisationNotRetired);

    /// <summary>{2} is retired and cannot get new members.</summary>
    public const string RetiredCannotGetMembers = nameof(RetiredCannotGetMembers);

    /// <summary>{2} is retired and cannot send consultations.</summary>
    public const string RetiredCannotSend = nameof(RetiredCannotSend);

    /// <summary>{2} is retired and cannot receive consultations.</summary>
    public const string RetiredCannotReceive = nameof(RetiredCannotReceive);

    /// <summary>The organisation does not exist.</summary>
    public const string OrganisationNotFound = nameof(OrganisationNotFound);

    /// <summary>There is already an organisation called {2}.</summary>
    public const string OrganisationNameTaken = nameof(OrganisationNameTaken);

    /// <summary>Unknown kind.</summary>
    public const string UnknownOrganisationKind = nameof(UnknownOrganisationKind);

    /// <summary>The row has {2} columns; the file should have {3}: {4}.</summary>
    public const string ImportTooManyColumns = nameof(ImportTooManyColumns);

    /// <summary>Kind is required (Nämnd, Bolag, Förvaltning or Extern organisation).</summary>
    public const string ImportKindRequired = nameof(ImportKindRequired);

    /// <summary>The kind "{2}" does not exist. Use Nämnd, Bolag, Förvaltning or Extern organisation.</summary>
    public const string ImportUnknownKind = nameof(ImportUnknownKind);

    /// <summary>{2} is already in the directory.</summary>
    public const string ImportNameExists = nameof(ImportNameExists);

    /// <summary>{2} is already on row {3} of the file.</summary>
    public const string ImportNameRepeated = nameof(ImportNameRepeated);

    /// <summary>Reminders can be sent 1–{2} days before the deadline.</summary>
    public const string ReminderDaysOutOfRange = nameof(ReminderDaysOutOfRange);

    /// <summary>The same day cannot be given twice in the reminder schedule.</summary>
    public const string ReminderDaysRepeated = nameof(ReminderDaysRepeated);

    /// <summary>Give the reminders as numbers of days before the deadline, for example 14, 7, 2.</summary>
    public const string ReminderDaysNotNumbers = nameof(ReminderDaysNotNumbers);

    /// <summary>"{2}" is not a number of days. Write the days as whole numbers separated by commas, for example 14, 7, 2.</summary>
    public const string NotANumberOfDays = nameof(NotANumberOfDays);

    /// <summary>You cannot deactivate your own account.</summary>
    public const string CannotDeactivateSelf = nameof(CannotDeactivateSelf);

    /// <summary>You cannot remove your own administrator role.</summary>
    public const string CannotRemoveOwnAdminRole = nameof(CannotRemoveOwnAdminRole);

    /// <summary>The customer must have at least one administrator.</summary>
    public const string LastAdministrator = nameof(LastAdministrator);

    /// <summary>There is already an account with the email address {2}.</summary>
    public const string EmailTaken = nameof(EmailTaken);

    /// <summary>{2} is already deactivated.</summary>
    public const string UserAlreadyDeactivated = nameof(UserAlreadyDeactivated);

    /// <summary>{2} is already active.</summary>
    public const string UserAlreadyActive = nameof(UserAlreadyActive);

    /// <summary>{2} has already chosen a password and can reset it from the sign-in page.</summary>
    public const string PasswordAlreadyChosen = nameof(PasswordAlreadyChosen);

    /// <summary>{2} is deactivated. Activate the account first.</summary>
    public const string UserDeactivated = nameof(UserDeactivated);

    /// <summary>The user does not exist.</summary>
    public const string UserNotFound = nameof(UserNotFound);

    /// <summary>A selected organisation does not exist.</summary>
    public const string SelectedOrganisationNotFound = nameof(SelectedOrganisationNotFound);

    /// <summary>{2}</summary>
    public const string AccountRefused = nameof(AccountRefused);

    /// <summary>The file is empty.</summary>
    public const string FileEmpty = nameof(FileEmpty);

    /// <summary>The file is too large. An attachment can be at most 25 MB.</summary>
    public const string FileTooLarge = nameof(FileTooLarge);

    /// <summary>The file type is not supported. Attach PDF, Word (.docx), OpenDocument text (.odt) or Excel (.xlsx).</summary>
    public const string UnsupportedFileType = nameof(UnsupportedFileType);

    /// <summary>The file could not be read as a valid document.</summary>
    public const string UnreadableFile = nameof(UnreadableFile);

    /// <summary>The file name cannot contain folders or control characters. Rename the file and try again.</summary>
    public const string UnsafeFileName = nameof(UnsafeFileName);

    /// <summary>The file is not a Word template. Choose a .dotx or .docx file saved from Word.</summary>
    public const string NotATemplate = nameof(NotATemplate);

    /// <summary>The template is too large. It can be at most 25 MB.</summary>
    public const string TemplateTooLarge = nameof(TemplateTooLarge);

    /// <summary>The template could not be read as a Word document. Save it again from Word and try again.</summary>
    public const string TemplateUnreadable = nameof(TemplateUnreadable);

    /// <summary>The template contains macros. Save it as .dotx (a Word template without macros) and try again.</summary>
    public const string TemplateHasMacros = nameof(TemplateHasMacros);

    /// <summary>Only a message that could not be sent can be sent again.</summary>
    public const string ResendOnlyFailed = nameof(ResendOnlyFailed);

    /// <summary>The deadline must be after today.</summary>
    public const string DeadlineNotAfterToday = nameof(DeadlineNotAfterToday);

    /// <summary>The deadline must be given before the consultation is sent.</summary>
    public const string DeadlineRequiredBeforeSending = nameof(DeadlineRequiredBeforeSending);

    /// <summary>{0} is required before the consultation is sent.</summary>
    public const string RequiredBeforeSending = nameof(RequiredBeforeSending);

    /// <summary>The consultation has already been sent.</summary>
    public const string AlreadySent = nameof(AlreadySent);

    /// <summary>The consultation needs at least one question.</summary>
    public const string NoQuestions = nameof(NoQuestions);

    /// <summary>Choose at least one consulted body.</summary>
    public const string NoRecipients = nameof(NoRecipients);

    /// <summary>Choose at least one organisation to add.</summary>
    public const string NoOrganisationSelected = nameof(NoOrganisationSelected);

    /// <summary>Give the new deadline.</summary>
    public const string NewDeadlineRequired = nameof(NewDeadlineRequired);

    /// <summary>The deadline can only be moved for a sent consultation. Change it in the draft instead.</summary>
    public const string DeadlineMoveOnlyWhenSent = nameof(DeadlineMoveOnlyWhenSent);

    /// <summary>The new deadline is the same as the old one.</summary>
    public const string DeadlineUnchanged = nameof(DeadlineUnchanged);

    /// <summary>The consultation has no deadline.</summary>
    public const string NoDeadline = nameof(NoDeadline);

    /// <summary>Only a sent consultation can be withdrawn.</summary>
    public const string WithdrawOnlyWhenSent = nameof(WithdrawOnlyWhenSent);

    /// <summary>Only a sent consultation can be closed.</summary>
    public const string CloseOnlyWhenSent = nameof(CloseOnlyWhenSent);

    /// <summary>The consultation must be closed before it can be completed.</summary>
    public const string CompleteOnlyWhenClosed = nameof(CompleteOnlyWhenClosed);

    /// <summary>Responses can only be reopened while the consultation is sent or closed.</summary>
    public const string ReopenOnlyWhileSentOrClosed = nameof(ReopenOnlyWhileSentOrClosed);

    /// <summary>Consulted bodies can only be added while the consultation is a draft or sent.</summary>
    public const string RecipientsOnlyWhileDraftOrSent = nameof(RecipientsOnlyWhileDraftOrSent);

    /// <summary>The reminders can only be changed while the consultation is a draft or sent.</summary>
    public const string RemindersOnlyWhileDraftOrSent = nameof(RemindersOnlyWhileDraftOrSent);

    /// <summary>{0} cannot be changed once the consultation has been sent.</summary>
    public const string ChangedAfterSending = nameof(ChangedAfterSending);

    /// <summary>{2} is already a consulted body.</summary>
    public const string AlreadyRecipient = nameof(AlreadyRecipient);

    /// <summary>{2} owns the consultation and cannot be a consulted body.</summary>
    public const string OwnerCannotBeRecipient = nameof(OwnerCannotBeRecipient);

    /// <summary>The organisation is not a consulted body of this consultation.</summary>
    public const string NotARecipient = nameof(NotARecipient);

    /// <summary>A selected consulted body does not exist.</summary>
    public const string SelectedRecipientNotFound = nameof(SelectedRecipientNotFound);

    /// <summary>Choose an organisation that sends the consultation.</summary>
    public const string OwnerRequired = nameof(OwnerRequired);

    /// <summary>The reference number {2} is already used by another consultation.</summary>
    public const string DiarienummerTaken = nameof(DiarienummerTaken);

    /// <summary>The reference number is already used by another consultation.</summary>
    public const string DiarienummerTakenMeanwhile = nameof(DiarienummerTakenMeanwhile);

    /// <summary>Someone else saved the consultation while you were writing. Reload the page to see the latest version; what you wrote is shown below.</summary>
    public const string EditedMeanwhile = nameof(EditedMeanwhile);

    /// <summary>Someone else saved the consultation at the same time. Reload the page and try again; what you wrote is shown below.</summary>
    public const string SavedConcurrently = nameof(SavedConcurrently);

    /// <summary>Someone else changed the consultation at the same time. Reload the page and try again.</summary>
    public const string ChangedConcurrently = nameof(ChangedConcurrently);

    /// <summary>{2} is not possible: the consultation has not been sent.</summary>
    public const string RemissNotSent = nameof(RemissNotSent);

    /// <summary>{2} is not possible: the consultation has been withdrawn.</summary>
    public const string RemissWithdrawn = nameof(RemissWithdrawn);

    /// <summary>{2} is not possible: the consultation is closed.</summary>
    public const string RemissClosed = nameof(RemissClosed);

    /// <summary>Question {1} does not exist.</summary>
    public const string QuestionNotFound = nameof(QuestionNotFound);

    /// <summary>Question {1} cannot be moved further in that direction.</summary>
    public const string QuestionCannotMove = nameof(QuestionCannotMove);

    /// <summary>Choose a valid question type for question {1}.</summary>
    public const string InvalidQuestionType = nameof(InvalidQuestionType);

    /// <summary>Question {1} has no text.</summary>
    public const string QuestionTextMissing = nameof(QuestionTextMissing);

    /// <summary>Question {1} (Choice) needs at least two options.</summary>
    public const string TooFewOptions = nameof(TooFewOptions);

    /// <summary>Question {1} (Traffic light) needs at least one item to rate.</summary>
    public const string NoItems = nameof(NoItems);

    /// <summary>{0}: at most {2} are allowed.</summary>
    public const string TooManyInList = nameof(TooManyInList);

    /// <summary>{0}: the same text appears twice.</summary>
    public const string RepeatedInList = nameof(RepeatedInList);

    /// <summary>Question {1} does not ask for a position.</summary>
    public const string NotAPositionQuestion = nameof(NotAPositionQuestion);

    /// <summary>Choose a valid position on question {1}.</summary>
    public const string InvalidPosition = nameof(InvalidPosition);

    /// <summary>Question {1} has no options.</summary>
    public const string NotAChoiceQuestion = nameof(NotAChoiceQuestion);

    /// <summary>Choose among the options of question {1}.</summary>
    public const string ChoiceNotAnOption = nameof(ChoiceNotAnOption);

    /// <summary>Choose one option for question {1}.</summary>
    public const string SeveralChoices = nameof(SeveralChoices);

    /// <summary>Question {1} is not a traffic light question.</summary>
    public const string NotATrafficLightQuestion = nameof(NotATrafficLightQuestion);

    /// <summary>Rate only the items of question {1}.</summary>
    public const string RatingNotAnItem = nameof(RatingNotAnItem);

    /// <summary>Choose green, yellow or red in question {1}.</summary>
    public const string InvalidColour = nameof(InvalidColour);

    /// <summary>Each item of question {1} is rated once.</summary>
    public const string ItemRatedTwice = nameof(ItemRatedTwice);

    /// <summary>Question {1} does not ask for such an answer.</summary>
    public const string AnswerNotAskedFor = nameof(AnswerNotAskedFor);

    /// <summary>Question {1} is not in the consultation.</summary>
    public const string QuestionNotInRemiss = nameof(QuestionNotInRemiss);

    /// <summary>The same question can only be answered once.</summary>
    public const string QuestionAnsweredTwice = nameof(QuestionAnsweredTwice);

    /// <summary>Question {1} is required. Answer it or mark "No comments".</summary>
    public const string RequiredQuestionUnanswered = nameof(RequiredQuestionUnanswered);

    /// <summary>Question {1}: "No comments" cannot be marked while the answer has text. Remove the text or the mark.</summary>
    public const string NoCommentsWithText = nameof(NoCommentsWithText);

    /// <summary>Question {1}: "No comments" is one of the positions; choose it or another position, not both.</summary>
    public const string NoCommentsWithOtherAnswer = nameof(NoCommentsWithOtherAnswer);

    /// <summary>The section "{2}" is not among the customer's standard sections.</summary>
    public const string SectionNotStandard = nameof(SectionNotStandard);

    /// <summary>{2} can be at most {3:N0} characters.</summary>
    public const string SectionTextMaxLength = nameof(SectionTextMaxLength);

    /// <summary>At most {2} responsible officials can be given.</summary>
    public const string TooManySignatories = nameof(TooManySignatories);

    /// <summary>Choose which kind of decision the response is based on.</summary>
    public const string DecisionKindRequired = nameof(DecisionKindRequired);

    /// <summary>Give the board's or delegate's decision with its date.</summary>
    public const string DecisionDateRequired = nameof(DecisionDateRequired);

    /// <summary>The decision can only be added to a submitted preliminary answer.</summary>
    public const string ConfirmOnlyPreliminary = nameof(ConfirmOnlyPreliminary);

    /// <summary>The decision can only be added to a submitted response.</summary>
    public const string ConfirmOnlySubmitted = nameof(ConfirmOnlySubmitted);

    /// <summary>The decision cannot be added: the consultation is completed or withdrawn.</summary>
    public const string ConfirmRemissEnded = nameof(ConfirmRemissEnded);

    /// <summary>The response has been submitted and cannot be changed. The owner of the consultation can reopen it.</summary>
    public const string ResponseSubmitted = nameof(ResponseSubmitted);

    /// <summary>The response is empty. Write and save it before you submit.</summary>
    public const string ResponseEmpty = nameof(ResponseEmpty);

    /// <summary>Only a submitted response can be reopened.</summary>
    public const string ReopenOnlySubmitted = nameof(ReopenOnlySubmitted);

    /// <summary>{2} is not possible: the response has already been submitted. The owner of the consultation can reopen it.</summary>
    public const string AlreadySubmitted = nameof(AlreadySubmitted);

    /// <summary>{2} is not possible: you have declined to respond.</summary>
    public const string AlreadyDeclined = nameof(AlreadyDeclined);

    /// <summary>The requested date must be after today.</summary>
    public const string RequestedDateNotAfterToday = nameof(RequestedDateNotAfterToday);

    /// <summary>The requested date must be later than the current deadline.</summary>
    public const string RequestedDateNotLater = nameof(RequestedDateNotLater);

    /// <summary>There is already a request for an extension awaiting a decision.</summary>
    public const string ExtensionAlreadyPending = nameof(ExtensionAlreadyPending);

    /// <summary>The extension must be to a date after today.</summary>
    public const string GrantedDateNotAfterToday = nameof(GrantedDateNotAfterToday);

    /// <summary>The extension must give a later deadline than the current one.</summary>
    public const string GrantedDateNotLater = nameof(GrantedDateNotLater);

    /// <summary>The request for an extension has already been decided.</summary>
    public const string ExtensionAlreadyDecided = nameof(ExtensionAlreadyDecided);

    /// <summary>The file holds no organisations. The first row should be the headings Namn;Typ;Funktionsbrevlåda;Kontaktperson.</summary>
    public const string ImportEmpty = nameof(ImportEmpty);

    /// <summary>The file can hold at most {2} organisations.</summary>
    public const string ImportTooManyRows = nameof(ImportTooManyRows);

    /// <summary>Someone else saved in the meantime.</summary>
    public const string SavedMeanwhile = nameof(SavedMeanwhile);

    /// <summary>Someone else saved the response while you were writing. Compare the versions and choose what to save.</summary>
    public const string ResponseSavedMeanwhile = nameof(ResponseSavedMeanwhile);

    /// <summary>The consultation is completed and can no longer be changed.</summary>
    public const string CompletedIsReadOnly = nameof(CompletedIsReadOnly);

    /// <summary>Points and comments can only be worked on once the consultation has been sent, and not after it was withdrawn.</summary>
    public const string ReviewOnlyWhenAnswered = nameof(ReviewOnlyWhenAnswered);

    /// <summary>A point can only be taken from a submitted response.</summary>
    public const string PointOnlyFromSubmitted = nameof(PointOnlyFromSubmitted);

    /// <summary>The response has no such question or section.</summary>
    public const string PointSourceUnknown = nameof(PointSourceUnknown);

    /// <summary>The point does not exist.</summary>
    public const string PointNotFound = nameof(PointNotFound);

    /// <summary>Choose one of the listed dispositions.</summary>
    public const string DispositionUnknown = nameof(DispositionUnknown);

    /// <summary>A chosen theme does not exist.</summary>
    public const string ThemeNotFound = nameof(ThemeNotFound);

    /// <summary>There is already a theme called {2}.</summary>
    public const string ThemeNameTaken = nameof(ThemeNameTaken);

    /// <summary>Choose another theme to merge into.</summary>
    public const string ThemeMergedIntoItself = nameof(ThemeMergedIntoItself);

    /// <summary>Someone else saved the point while you were writing. Compare the versions and choose what to save.</summary>
    public const string PointSavedMeanwhile = nameof(PointSavedMeanwhile);

    /// <summary>Someone else saved the comment on question {1} while you were writing. Compare the versions and choose what to save.</summary>
    public const string CommentSavedMeanwhile = nameof(CommentSavedMeanwhile);

    /// <summary>You cannot change your own administrator role.</summary>
    public const string CannotChangeOwnAdminRole = nameof(CannotChangeOwnAdminRole);

    /// <summary>You cannot reactivate your own account.</summary>
    public const string CannotReactivateSelf = nameof(CannotReactivateSelf);

    /// <summary>A part of the template is too large unpacked; each may be at most {2} MB.</summary>
    public const string TemplatePartTooLarge = nameof(TemplatePartTooLarge);

    /// <summary>{0} must be an https address without query, e.g. https://login.microsoftonline.com/…/v2.0.</summary>
    public const string InvalidIssuer = nameof(InvalidIssuer);

    /// <summary>"{2}" is not an e-mail domain.</summary>
    public const string InvalidEmailDomain = nameof(InvalidEmailDomain);

    /// <summary>At most {2} e-mail domains.</summary>
    public const string TooManyEmailDomains = nameof(TooManyEmailDomains);

    /// <summary>Requiring the organisation's account needs at least one e-mail domain.</summary>
    public const string RequiredSignInNeedsDomains = nameof(RequiredSignInNeedsDomains);

    /// <summary>The provider's discovery document could not be read at {2}.</summary>
    public const string DiscoveryFailed = nameof(DiscoveryFailed);

    /// <summary>The discovery document names another issuer: {2}.</summary>
    public const string IssuerMismatch = nameof(IssuerMismatch);
    /// <summary>Only a draft can be deleted; a sent consultation can be closed or withdrawn.</summary>
    public const string DeleteOnlyDraft = nameof(DeleteOnlyDraft);

    /// <summary>The consultation has changed since the confirmation page was shown. Check again and confirm.</summary>
    public const string ChangedSinceConfirmation = nameof(ChangedSinceConfirmation);

    /// <summary>The consulted body has already submitted or declined and is not reminded.</summary>
    public const string RemindAnswered = nameof(RemindAnswered);

    /// <summary>The consulted body has already been reminded today; it can be reminded again tomorrow.</summary>
    public const string AlreadyRemindedToday = nameof(AlreadyRemindedToday);
}
