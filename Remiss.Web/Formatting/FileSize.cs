namespace Remiss.Web;

using System.Globalization;

/// <summary>File sizes the Swedish way: "1,2 MB", "340 kB".</summary>
public static class FileSize
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} byte",
        < 1024 * 1024 => $"{Math.Ceiling(bytes / 1024d).ToString("N0", Swedish)} kB",
        _ => $"{(bytes / (1024d * 1024d)).ToString("N1", Swedish)} MB",
    };
}
