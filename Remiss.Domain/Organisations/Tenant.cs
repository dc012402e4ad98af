namespace Remiss.Domain.Organisations;

using System.Text;
using System.Text.RegularExpressions;
using Remiss.Domain.Common;

/// <summary>A customer of the service: a kommun or region, addressed by its slug (<c>/malmo/…</c>).</summary>
public sealed partial class Tenant : Entity
{
    public const int NameMaxLength = 200;

    public const int SlugMaxLength = 40;

    public const int SectionNameMaxLength = 100;

    /// <summary>Path segments the application uses itself; a tenant cannot take them as its slug.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "konto", "plattform", "fel", "healthz", "readyz", "hangfire", "css", "js", "lib", "img", "api",
        "admin", "publikt", "offentligt", "static", "favicon.ico", "robots.txt",
    };

    public static readonly IReadOnlyList<string> DefaultStandardSections = ["Barnperspektiv", "Jämställdhet", "Ekonomiska konsekvenser"];

    public static readonly IReadOnlyList<int> DefaultReminderDays = [14, 7, 2];

    private List<string> _standardSections = [.. DefaultStandardSections];
    private List<int> _reminderDaysBefore = [.. DefaultReminderDays];

    private Tenant()
    {
        Slug = string.Empty;
        Name = string.Empty;
        TimeZoneId = TenantCalendar.DefaultTimeZoneId;
    }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    public string TimeZoneId { get; private set; }

    public bool IsSuspended { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Whether submitted yttranden of closed remisser are shown on a public page.</summary>
    public bool PublishesSubmittedResponses { get; private set; }

    /// <summary>Who of the tenant's people must use two-step verification (<see cref="AccountRules.RequiresTwoFactor"/>).</summary>
    public TwoFactorRequirement TwoFactorRequirement { get; private set; }

    /// <summary>The Word template (.dotx/.docx) whose styles, header, footer and logo the documents use; null: the clean default.</summary>
    public DocumentTemplate? DocumentTemplate { get; private set; }

    /// <summary>The sections every yttrande has after the answers, in order.</summary>
    public IReadOnlyList<string> StandardSections => _standardSections;

    /// <summary>Days before a recipient's deadline on which a påminnelse goes out, largest first.</summary>
    public IReadOnlyList<int> ReminderDaysBefore => _reminderDaysBefore;

    /// <summary>A new tenant; every refusal (slug, name, time zone) comes at once, so the operator corrects them in one go.</summary>
    public static Tenant Create(string slug, string name, DateTime nowUtc, string timeZoneId = TenantCalendar.DefaultTimeZoneId)
    {
        var refusals = new List<Refusal>();
        var tenant = new Tenant
        {
            Slug = Checked(() => ValidSlug(slug), refusals),
            Name = Checked(() => Text.Required(name, Field.Name, NameMaxLength), refusals),
            TimeZoneId = Checked(() => ValidTimeZone(timeZoneId), refusals),
            CreatedAt = nowUtc,
        };
        DomainException.ThrowIfAny(refusals);
        return tenant;
    }

    /// <summary>
    /// The slug a name or a typed kortnamn makes: "Helsingborg" → "helsingborg", "Malmö stad" → "malmo-stad". Letters
    /// lose their accents (å, ä → a; ö → o), spaces and dashes become one dash, other characters go. The result is then
    /// checked like any slug (it may still be reserved or taken).
    /// </summary>
    public static string SlugFrom(string? text)
    {
        var slug = new StringBuilder();
        foreach (var c in (text ?? string.Empty).Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '_') && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var value = slug.ToString().TrimEnd('-');
        return value.Length > SlugMaxLength ? value[..SlugMaxLength].TrimEnd('-') : value;
    }

    public TenantCalendar Calendar() => TenantCalendar.For(TimeZoneId);

    public void Rename(string name) => Name = Text.Required(name, Field.Name, NameMaxLength);

    public void Suspend()
    {
        if (IsSuspended)
        {
            throw new DomainException(Field.Form, RefusalKey.TenantAlreadySuspended);
        }

        IsSuspended = true;
    }

    public void Reactivate()
    {
        if (!IsSuspended)
        {
            throw new DomainException(Field.Form, RefusalKey.TenantNotSuspended);
        }

        IsSuspended = false;
    }

    /// <summary>Makes a checked, stored template the tenant's; returns the one it replaces (its file is no longer needed).</summary>
    public DocumentTemplate? SetDocumentTemplate(DocumentTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var previous = DocumentTemplate;
        DocumentTemplate = template;
        return previous;
    }

    /// <summary>Goes back to the clean default; returns the template removed.</summary>
    public DocumentTemplate RemoveDocumentTemplate()
    {
        var previous = DocumentTemplate ?? throw new DomainException(Field.File, RefusalKey.NoDocumentTemplate);
        DocumentTemplate = null;
        return previous;
    }

    public void SetPublication(bool publishes) => PublishesSubmittedResponses = publishes;

    public void SetTwoFactorRequirement(TwoFactorRequirement requirement) =>
        TwoFactorRequirement = Enum.IsDefined(requirement) ? requirement : throw new ArgumentOutOfRangeException(nameof(requirement));

    public void SetReminderSchedule(IEnumerable<int> daysBefore) => _reminderDaysBefore = ReminderSchedule.Validate(daysBefore);

    /// <summary>A standard section's name as it is kept: trimmed, required, at most <see cref="SectionNameMaxLength"/> characters.</summary>
    public static string ValidSectionName(string? name) => Text.Required(name, Field.SectionName, SectionNameMaxLength);

    public void SetStandardSections(IEnumerable<string> names)
    {
        var cleaned = names.Select(ValidSectionName).ToList();
        if (cleaned.Count > 20)
        {
            throw new DomainException(Field.StandardSections, RefusalKey.TooManySections, 20);
        }

        if (cleaned.Distinct(StringComparer.CurrentCultureIgnoreCase).Count() != cleaned.Count)
        {
            throw new DomainException(Field.StandardSections, RefusalKey.SectionNamesRepeated);
        }

        _standardSections = cleaned;
    }

    private static string ValidSlug(string slug)
    {
        var value = slug?.Trim() ?? string.Empty;
        if (!SlugPattern().IsMatch(value))
        {
            throw new DomainException(Field.Slug, RefusalKey.InvalidSlug);
        }

        return ReservedSlugs.Contains(value)
            ? throw new DomainException(Field.Slug, RefusalKey.ReservedSlug, value)
            : value;
    }

    private static string Checked(Func<string> valid, List<Refusal> refusals)
    {
        try
        {
            return valid();
        }
        catch (DomainException refusal)
        {
            refusals.AddRange(refusal.Refusals);
            return string.Empty;
        }
    }

    private static string ValidTimeZone(string timeZoneId)
    {
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
            return timeZoneId;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new DomainException(Field.TimeZone, RefusalKey.UnknownTimeZone, timeZoneId);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
