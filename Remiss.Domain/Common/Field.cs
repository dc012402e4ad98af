namespace Remiss.Domain.Common;

/// <summary>
/// The fields a refusal can be about, in the domain's words. Those of a question carry its number, those of a
/// signatory or standard section its row (from 1) as the <see cref="Subject.Index"/>.
/// </summary>
public enum Field
{
    /// <summary>The form or the action as a whole.</summary>
    Form,

    // The remiss.
    Title,
    Diarienummer,
    Description,
    Deadline,
    ContactName,
    ContactEmail,
    Owner,
    Details,
    Questions,
    QuestionText,
    QuestionType,
    QuestionOptions,
    QuestionItems,
    Recipients,
    ReminderDays,
    Attachments,
    Reason,

    // The yttrande.
    Summary,
    GeneralViews,
    Answer,
    AnswerComment,
    SectionText,
    Decision,
    DecidedBy,
    DecisionParagraph,
    SignatoryName,
    SignatoryTitle,
    Signatories,
    RequestedDeadline,
    Motivation,
    Message,

    // The owner's work on the answers.
    Point,
    Reply,
    Disposition,
    Themes,
    ThemeName,
    Comment,

    // The tenant, its organisations and users.
    Name,
    Slug,
    TimeZone,
    SectionName,
    StandardSections,
    Kind,
    FunctionalMailbox,
    Email,
    UserTitle,
    Organisations,
    AdminEmail,
    AdminName,

    // The tenant's identity provider (Inloggning).
    Issuer,
    ClientId,
    ClientSecret,
    EmailDomains,

    // An uploaded file.
    File,
    FileName,
    StorageKey,
}

/// <summary>What was being done when a refusal says "… går inte": the start of its sentence.</summary>
public enum Act
{
    WriteResponse,
    SubmitResponse,
    Decline,
    RequestExtension,
    GrantExtension,
    RefuseExtension,
    Remind,
}
