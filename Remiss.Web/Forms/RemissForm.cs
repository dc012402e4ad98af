namespace Remiss.Web.Forms;

using System.ComponentModel.DataAnnotations;
using Remiss.Domain.Remisser;
using Remiss.Infrastructure.Remisser;

/// <summary>The remiss form as posted: details, question rows and recipient checkboxes. Bound whole on every handler so nothing typed is lost.</summary>
public sealed class RemissForm
{
    [Required(ErrorMessage = "Ange en titel.")]
    [StringLength(Remiss.TitleMaxLength, ErrorMessage = "Ange en titel på högst {1} tecken.")]
    [Display(Name = "Titel")]
    public string Title { get; set; } = string.Empty;

    [StringLength(Remiss.DiarienummerMaxLength, ErrorMessage = "Diarienumret får vara högst {1} tecken.")]
    [Display(Name = "Diarienummer")]
    public string? Diarienummer { get; set; }

    [StringLength(Remiss.DescriptionMaxLength, ErrorMessage = "Beskrivningen är för lång.")]
    [Display(Name = "Beskrivning")]
    public string? Description { get; set; }

    [Display(Name = "Sista svarsdag")]
    public DateOnly? Deadline { get; set; }

    [Display(Name = "Avsändare")]
    public Guid OwnerOrganisationId { get; set; }

    [StringLength(200, ErrorMessage = "Namnet får vara högst {1} tecken.")]
    [Display(Name = "Kontaktperson")]
    public string? ContactName { get; set; }

    [EmailAddress(ErrorMessage = "Ange en giltig e-postadress, till exempel namn@kommun.se.")]
    [Display(Name = "Kontaktpersonens e-post")]
    public string? ContactEmail { get; set; }

    [StringLength(100, ErrorMessage = "Ange högst några dagar, till exempel 14, 7, 2.")]
    [Display(Name = "Påminnelser, dagar före sista svarsdag")]
    public string? ReminderDays { get; set; }

    public List<QuestionForm> Questions { get; set; } = [];

    public List<Guid> RecipientIds { get; set; } = [];

    public int Version { get; set; }

    public static RemissForm From(Remiss remiss) => new()
    {
        Title = remiss.Title,
        Diarienummer = remiss.Diarienummer,
        Description = Infrastructure.RichText.RichTextSanitizer.ToEditableText(remiss.Description),
        Deadline = remiss.Deadline,
        OwnerOrganisationId = remiss.OwnerOrganisationId,
        ContactName = remiss.ContactName,
        ContactEmail = remiss.ContactEmail,
        ReminderDays = remiss.ReminderDaysBefore is { } days ? string.Join(", ", days) : null,
        Questions = [.. remiss.Questions.Select(QuestionForm.From)],
        RecipientIds = [.. remiss.Recipients.Select(r => r.OrganisationId)],
        Version = remiss.Version,
    };

    public RemissDraft ToDraft() => new(
        Title,
        Diarienummer,
        Description,
        Deadline,
        OwnerOrganisationId,
        ContactName,
        ContactEmail,
        [.. Questions.Select(q => q.ToDefinition())],
        RecipientIds,
        Version,
        ReminderDays);
}

/// <summary>One question row. Options and items are typed one per line.</summary>
public sealed class QuestionForm
{
    public string? Text { get; set; }

    public QuestionType Type { get; set; } = QuestionType.FreeText;

    public bool IsRequired { get; set; }

    public string? Options { get; set; }

    public bool OptionsAreOrganisations { get; set; }

    public bool AllowsSeveralChoices { get; set; }

    public string? Items { get; set; }

    public static QuestionForm From(Question question) => new()
    {
        Text = question.Text,
        Type = question.Type,
        IsRequired = question.IsRequired,
        Options = string.Join('\n', question.Options),
        OptionsAreOrganisations = question.OptionsAreOrganisations,
        AllowsSeveralChoices = question.AllowsSeveralChoices,
        Items = string.Join('\n', question.Items),
    };

    public QuestionDefinition ToDefinition() =>
        new(Text, Type, IsRequired, Lines(Options), OptionsAreOrganisations, AllowsSeveralChoices, Lines(Items));

    private static List<string> Lines(string? text) =>
        [.. (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
