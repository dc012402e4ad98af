namespace Remiss.Domain.Common;

using System.Globalization;

/// <summary>
/// The one way Remiss writes dates and times for people, in pages, e-mails, log texts and documents: "30 november
/// 2023" and "30 november 2023 kl. 11.00". The clock uses a full stop, as Språkrådet recommends, whatever separator
/// the culture data has. Instants are converted to the tenant's time zone by <see cref="TenantCalendar"/> first.
/// </summary>
public static class SwedishDates
{
    /// <summary>A calendar date: "30 november 2023".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Text.Swedish);

    /// <summary>A local date and time: "30 november 2023 kl. 11.00".</summary>
    public static string DateAndTime(DateTime local) => local.ToString("d MMMM yyyy 'kl.' HH'.'mm", Text.Swedish);

    /// <summary>A time of day as Språkrådet writes it: "kl. 10.42".</summary>
    public static string Time(DateTime local) => local.ToString("'kl.' HH'.'mm", Text.Swedish);

    /// <summary>A date as forms and machines read it (an input of type date, a time element): "2023-11-30".</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A local date and time as a spreadsheet reads it (the log's CSV): "2023-11-30 11:00:00".</summary>
    public static string IsoDateAndTime(DateTime local) => local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>As <see cref="Iso(DateOnly)"/>, empty for no date.</summary>
    public static string? Iso(DateOnly? date) => date is { } d ? Iso(d) : null;
}
