namespace Remiss.Web.Pages.Tenant.Remisser.Responses;

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Responses;
using Remiss.Infrastructure.RichText;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Components;
using Remiss.Web.Forms;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>
/// The yttrande form. Every button posts the whole form, so nothing typed is lost; a save based on an older
/// version is refused and both versions are shown side by side; scripts add autosave.
/// </summary>
public sealed class WriteModel(
    ITenantContext tenantContext,
    RemissReader reader,
    IAuthorizationService authorization,
    UserMemberships memberships,
    ResponseWriting writing,
    RichTextSanitizer sanitizer) : ResponsePageModel(tenantContext, reader, authorization, memberships)
{
    [BindProperty]
    public ResponseForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? NewAttachment { get; set; }

    public ResponseContext Context { get; private set; } = new([], []);

    public Response? Conflict { get; private set; }

    public string LastSavedBy { get; private set; } = string.Empty;

    public bool IsLate => Remiss.Status == RemissStatus.Sent && Recipient.IsOverdue(writing.Today);

    public bool CanEdit => Remiss.Status == RemissStatus.Sent;

    /// <summary>A submitted preliminary answer of a remiss not yet ended: the nämnd's decision can be added (on its own page).</summary>
    public bool CanCompleteDecision =>
        Recipient.Status == RecipientStatus.Submitted
        && Recipient.Response?.Decision?.Kind == DecisionKind.PreliminaryAnswer
        && Remiss.Status is RemissStatus.Sent or RemissStatus.Closed;

    public Func<string?, string> Sanitize => sanitizer.Sanitize;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPageAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ResponseForm.From(Remiss, Recipient.Response, Context.StandardSections, RecipientName);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        SaveThenAsync(id, () => Redirect(ResponseUrl), "Utkastet är sparat.", cancellationToken);

    public Task<IActionResult> OnPostAddSignatoryAsync(Guid id, CancellationToken cancellationToken)
    {
        Input.Signatories.Add(new SignatoryForm());
        return SaveThenAsync(id, () => Page(), null, cancellationToken);
    }

    public Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken cancellationToken) =>
        SaveThenAsync(id, () => Redirect(ResponseUrl), "Utkastet är sparat.", cancellationToken);

    public Task<IActionResult> OnPostRemoveAttachmentAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken) =>
        SaveThenAsync(
            id,
            () => Redirect(ResponseUrl),
            "Bilagan är borttagen.",
            cancellationToken,
            () => writing.RemoveAttachmentAsync(Recipient, attachmentId, UserId, cancellationToken),
            () => Recipient.AttachmentWithId(attachmentId));

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        SaveThenAsync(id, () => Redirect(PathWithFor("skicka-in")), null, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken) =>
        SaveThenAsync(id, () => Redirect(PathWithFor("avsta")), null, cancellationToken, leavesTheForm: true);

    public Task<IActionResult> OnPostExtensionAsync(Guid id, CancellationToken cancellationToken) =>
        SaveThenAsync(id, () => Redirect(PathWithFor("anstand")), null, cancellationToken, leavesTheForm: true);

    /// <summary>The autosave script's save: JSON with the new version, or why it did not save. Nothing is lost: the page keeps the text.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPageAsync(id, cancellationToken, forPage: false))
        {
            return NotFound();
        }

        try
        {
            await writing.SaveDraftAsync(Recipient, Input.ToContent(), Input.Version, UserId, cancellationToken);
            var response = Recipient.Response!;
            // The status goes with the answer, so the badge at the top follows the save ("Ej påbörjat" becomes "Påbörjat").
            return new JsonResult(new
            {
                saved = true,
                version = response.Version,
                message = $"Sparat automatiskt {SwedishDates.Time(TenantCalendar.For(Tenant.TimeZoneId).Local(response.LastSavedAt))}.",
                status = RecipientStatusBadge.Label(Recipient.Status),
                statusClass = $"status--{Recipient.Status.ToString().ToLowerInvariant()}",
            });
        }
        catch (ConcurrencyConflictException)
        {
            return new JsonResult(new { saved = false, conflict = true, message = "Någon annan har sparat yttrandet. Klicka på Spara utkast för att jämföra versionerna." });
        }
        catch (DomainException refusal)
        {
            return new JsonResult(new { saved = false, conflict = false, message = string.Join(" ", this.Texts(refusal.Refusals)) });
        }
    }

    public AnswerForm AnswerFor(Question question, int index) =>
        index < Input.Answers.Count && Input.Answers[index].QuestionNumber == question.Number
            ? Input.Answers[index]
            : Input.Answers.FirstOrDefault(a => a.QuestionNumber == question.Number) ?? AnswerForm.From(question, null);

    public string? ErrorForQuestion(int number) =>
        ModelState.Where(e => e.Key == FormFields.Question(number)).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).FirstOrDefault();

    /// <summary>The first error of the field with model key <paramref name="key"/>, shown next to it.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task<IActionResult> SaveThenAsync(
        Guid id,
        Func<IActionResult> next,
        string? message,
        CancellationToken cancellationToken,
        Func<Task>? alsoDo = null,
        Action? namesOnlyOwnIds = null,
        bool leavesTheForm = false)
    {
        if (!await LoadPageAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // An id that is not this yttrande's (another tenant's bilaga) is not found before anything is saved.
        namesOnlyOwnIds?.Invoke();

        var content = Input.ToContent();

        // Going on to Begär anstånd or Avstå from a form nobody has written in saves nothing: an empty save would make
        // the yttrande "Påbörjat" with "Senast sparat av …" and a log entry, though nobody has begun it.
        if (leavesTheForm && Recipient.Response is null && content.IsEmpty && NewAttachment is not { Length: > 0 })
        {
            return next();
        }

        try
        {
            await writing.SaveDraftAsync(Recipient, content, Input.Version, UserId, cancellationToken);
            if (NewAttachment is { Length: > 0 } file)
            {
                await using var stream = file.OpenReadStream();
                await writing.AttachAsync(Recipient, stream, file.FileName, UserId, cancellationToken);
                message = $"Bilagan {file.FileName} är uppladdad.";
            }

            if (alsoDo is not null)
            {
                await alsoDo();
            }
        }
        catch (ConcurrencyConflictException conflict)
        {
            Conflict = await Reader.StoredResponseAsync(Recipient.Id, cancellationToken);
            LastSavedBy = Conflict is null ? string.Empty : await Reader.UserNameAsync(Conflict.LastSavedByUserId, cancellationToken);
            ModelState.AddModelError(string.Empty, this.Texts([conflict.Refusal])[0]);
            ModelState.Remove("Input.Version");
            Input.Version = conflict.CurrentVersion;
            return Page();
        }
        catch (DomainException refusal)
        {
            AddRefusal(refusal, FormFields.Response);

            // The draft may have been saved before the file was refused: the next post is based on what is stored now.
            ModelState.Remove("Input.Version");
            Input.Version = Recipient.Response?.Version ?? Input.Version;
            return Page();
        }

        if (message is not null)
        {
            TempData["StatusMessage"] = message;
        }

        // The version moved with the save: the next post from this page is based on it.
        ModelState.Remove("Input.Version");
        Input.Version = Recipient.Response?.Version ?? Input.Version;
        return next();
    }

    /// <summary>Loads the user's recipient and the yttrande's rules; <paramref name="forPage"/> also what only the page shows.</summary>
    private async Task<bool> LoadPageAsync(Guid id, CancellationToken cancellationToken, bool forPage = true)
    {
        if (!await LoadRecipientAsync(id, cancellationToken))
        {
            return false;
        }

        Context = await writing.ContextAsync(cancellationToken);
        if (forPage && Recipient.Response is { } response)
        {
            LastSavedBy = await Reader.UserNameAsync(response.LastSavedByUserId, cancellationToken);
        }

        return true;
    }
}
