namespace Remiss.Web.Pages.Tenant.Remisser;

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Infrastructure.Authorization;
using Remiss.Infrastructure.Remisser;
using Remiss.Infrastructure.Tenancy;
using Remiss.Web.Forms;
using Remiss.Web.Refusals;
using Remiss.Web.Tenancy;

/// <summary>
/// The draft's form. Every button posts the whole form (formaction picks the handler), so adding, moving or
/// removing a question, picking a group or uploading a file also saves what was typed; a refusal returns the
/// page with everything as it was posted.
/// </summary>
public sealed partial class EditModel(
    ITenantContext tenantContext,
    RemissReader reader,
    IAuthorizationService authorization,
    RemissDrafts drafts,
    UserMemberships memberships,
    ILogger<EditModel> logger) : RemissPageModel(tenantContext, reader, authorization)
{
    [BindProperty]
    public RemissForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? NewAttachment { get; set; }

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public IReadOnlyList<Organisation> Owners { get; private set; } = [];

    public IReadOnlySet<Guid> SelectedRecipients => Input.RecipientIds.ToHashSet();

    public bool ShortNotice { get; private set; }

    public IReadOnlyList<int> TenantReminderDays { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input = RemissForm.From(Remiss);
        ShortNotice = Remiss.HasShortNotice(drafts.Today);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        SaveThenAsync(id, () => Redirect($"{RemissUrl}/redigera"), "Utkastet är sparat.", cancellationToken);

    public Task<IActionResult> OnPostAddQuestionAsync(Guid id, CancellationToken cancellationToken)
    {
        Input.Questions.Add(new QuestionForm());
        var number = Input.Questions.Count;
        return SaveThenAsync(id, () => Redirect($"{RemissUrl}/redigera#fraga-{number}"), $"Fråga {number} är tillagd.", cancellationToken);
    }

    public Task<IActionResult> OnPostRemoveQuestionAsync(Guid id, int index, CancellationToken cancellationToken)
    {
        if (index >= 0 && index < Input.Questions.Count)
        {
            Input.Questions.RemoveAt(index);
        }

        return SaveThenAsync(id, () => Redirect($"{RemissUrl}/redigera#fragor"), $"Fråga {index + 1} är borttagen.", cancellationToken);
    }

    public Task<IActionResult> OnPostMoveQuestionUpAsync(Guid id, int index, CancellationToken cancellationToken) =>
        MoveAsync(id, index, index - 1, cancellationToken);

    public Task<IActionResult> OnPostMoveQuestionDownAsync(Guid id, int index, CancellationToken cancellationToken) =>
        MoveAsync(id, index, index + 1, cancellationToken);

    public async Task<IActionResult> OnPostSelectGroupAsync(Guid id, OrganisationKind kind, CancellationToken cancellationToken)
    {
        Organisations = await drafts.ActiveOrganisationsAsync(cancellationToken);
        Input.RecipientIds.AddRange(Organisations.Where(o => o.Kind == kind && o.Id != Input.OwnerOrganisationId).Select(o => o.Id));
        Input.RecipientIds = [.. Input.RecipientIds.Distinct()];
        return await SaveThenAsync(id, () => Redirect($"{RemissUrl}/redigera#remissinstanser"), "Remissinstanserna är valda.", cancellationToken);
    }

    public Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken cancellationToken) =>
        SaveThenAsync(id, () => Redirect($"{RemissUrl}/redigera#bilagor"), "Utkastet är sparat.", cancellationToken);

    public Task<IActionResult> OnPostRemoveAttachmentAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken) =>
        SaveThenAsync(
            id,
            () => Redirect($"{RemissUrl}/redigera#bilagor"),
            "Bilagan är borttagen.",
            cancellationToken,
            async () => await drafts.RemoveAttachmentAsync(Remiss, attachmentId, cancellationToken),
            () => Remiss.AttachmentWithId(attachmentId));

    public Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken cancellationToken) =>
        SaveThenAsync(id, () => Redirect($"{RemissUrl}/forhandsgranska"), "Utkastet är sparat.", cancellationToken);

    /// <summary>
    /// Saves, then opens the confirmation; a draft that can't be sent yet comes back with each reason next to its
    /// field, so the owner corrects it where it is instead of on a page of its own.
    /// </summary>
    public Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken cancellationToken) =>
        SaveThenAsync(id, () => ShowProblemsBeforeSending() ? Page() : Redirect($"{RemissUrl}/skicka"), null, cancellationToken);

    /// <summary>The form with what stops the draft from being sent: where the confirmation sends an owner back to.</summary>
    public async Task<IActionResult> OnGetProblemsAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await OnGetAsync(id, cancellationToken);
        if (result is PageResult)
        {
            ShowProblemsBeforeSending();
        }

        return result;
    }

    /// <summary>Whether the form came back because the draft can't be sent yet (the error summary says so).</summary>
    public bool CannotBeSent { get; private set; }

    /// <summary>Errors of question row <paramref name="index"/>, by property, for the question editor component.</summary>
    public IReadOnlyDictionary<string, string> QuestionErrors(int index)
    {
        var prefix = $"Input.Questions[{index}].";
        return ModelState
            .Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal) && e.Value!.Errors.Count > 0)
            .ToDictionary(e => e.Key[prefix.Length..], e => e.Value!.Errors[0].ErrorMessage);
    }

    private bool ShowProblemsBeforeSending()
    {
        var problems = Remiss.ProblemsBeforeSending(drafts.Today);
        if (problems.Count == 0)
        {
            return false;
        }

        AddRefusal(new DomainException(problems), FormFields.Remiss);
        CannotBeSent = true;
        return true;
    }

    private Task<IActionResult> MoveAsync(Guid id, int index, int target, CancellationToken cancellationToken)
    {
        if (index >= 0 && index < Input.Questions.Count && target >= 0 && target < Input.Questions.Count)
        {
            (Input.Questions[index], Input.Questions[target]) = (Input.Questions[target], Input.Questions[index]);
        }

        return SaveThenAsync(id, () => Redirect($"{RemissUrl}/redigera#fraga-{target + 1}"), $"Fråga {index + 1} är flyttad.", cancellationToken);
    }

    /// <summary>
    /// Saves what was typed, then does <paramref name="alsoDo"/>. <paramref name="namesOnlyOwnIds"/> runs first: an id
    /// that is not this draft's (another tenant's or remiss's bilaga) is not found, and nothing is saved.
    /// </summary>
    private async Task<IActionResult> SaveThenAsync(
        Guid id, Func<IActionResult> next, string? message, CancellationToken cancellationToken, Func<Task>? alsoDo = null, Action? namesOnlyOwnIds = null)
    {
        if (await LoadDraftAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        namesOnlyOwnIds?.Invoke();

        if (Owners.All(o => o.Id != Input.OwnerOrganisationId))
        {
            ModelState.AddModelError("Input.OwnerOrganisationId", "Välj en organisation som du är medlem i.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await drafts.SaveAsync(Remiss, Input.ToDraft(), cancellationToken);
        }
        catch (DomainException refused)
        {
            AddRefusal(refused, FormFields.Remiss);
            logger.LogInformation("Draft {RemissId} not saved: {Problems}", id, refused.Message);
            return Page();
        }

        // The draft is saved: the page from here on is based on the new version.
        ModelState.Remove("Input.Version");
        Input.Version = Remiss.Version;
        try
        {
            if (NewAttachment is { Length: > 0 } file)
            {
                await using var stream = file.OpenReadStream();
                await drafts.AttachAsync(Remiss, stream, file.FileName, UserId, cancellationToken);
                message = $"Bilagan {file.FileName} är uppladdad.";
            }

            if (alsoDo is not null)
            {
                await alsoDo();
            }
        }
        catch (DomainException refused)
        {
            // The upload or removal was refused; what was typed is saved.
            AddRefusal(refused, FormFields.RemissAttachment);
            Input.Version = Remiss.Version;
            return Page();
        }

        if (message is not null)
        {
            TempData["StatusMessage"] = Remiss.HasShortNotice(drafts.Today)
                ? message + " Observera: sista svarsdag är mindre än tre veckor bort."
                : message;
        }

        return next();
    }

    /// <summary>Loads the draft for its owners; anything else is 404, and a sent remiss goes to its own page.</summary>
    private async Task<IActionResult?> LoadDraftAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Policies.RemissOwner, cancellationToken))
        {
            return NotFound();
        }

        if (!Remiss.IsDraft)
        {
            TempData["StatusMessage"] = "Remissen är skickad: frågorna och remissinstanserna kan inte längre ändras här.";
            return Redirect(RemissUrl);
        }

        Organisations = await drafts.ActiveOrganisationsAsync(cancellationToken);
        var mine = await memberships.OrganisationIdsAsync(User, cancellationToken);
        Owners = [.. Organisations.Where(o => mine.Contains(o.Id) || o.Id == Remiss.OwnerOrganisationId)];
        ShortNotice = Remiss.HasShortNotice(drafts.Today);
        TenantReminderDays = await drafts.TenantReminderDaysAsync(cancellationToken);
        return null;
    }

}
