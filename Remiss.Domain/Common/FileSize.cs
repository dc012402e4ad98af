namespace Remiss.Domain.Common;

/// <summary>
/// File sizes the Swedish way, in pages, log texts and documents: "340 kB", "1,2 MB". Never in bytes: a file smaller
/// than a kilobyte is "1 kB", as people count.
/// </summary>
public static class FileSize
{
    public static string Format(long bytes) => bytes switch
    {
        < 1024 * 1024 => $"{Math.Max(1, Math.Ceiling(bytes / 1024d)).ToString("N0", Text.Swedish)} kB",
        _ => $"{(bytes / (1024d * 1024d)).ToString("N1", Text.Swedish)} MB",
    };
}
