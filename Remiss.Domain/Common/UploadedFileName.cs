namespace Remiss.Domain.Common;

using System.Globalization;

/// <summary>
/// The rule for the name an uploaded file arrives with. A name with folders in it (a path separator, a "..") or with
/// characters nobody types (control characters, or format characters such as the right-to-left override that makes
/// "fakturafdp.exe" look like "fakturaexe.pdf") does not come from a file someone merely saved: it is forged or meant
/// to mislead, so it is refused rather than quietly cleaned, and the person is asked to rename the file. Awkward but
/// innocent names (characters Windows refuses, a long name, the wrong extension) are cleaned where the file is kept.
/// </summary>
public static class UploadedFileName
{
    /// <summary>Why <paramref name="name"/> is refused, in English for the log (never the name itself); null when it may be used.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            return "the file name holds a path separator";
        }

        if (name.Trim() == "..")
        {
            return "the file name is a parent-folder segment";
        }

        if (name.Any(char.IsControl))
        {
            return "the file name holds a control character";
        }

        if (name.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Format))
        {
            return "the file name holds a Unicode format character";
        }

        return null;
    }

    /// <summary>Refuses <paramref name="name"/> (<see cref="RefusalKey.UnsafeFileName"/>) when it has folders, control or format characters.</summary>
    public static void EnsureAcceptable(string? name)
    {
        if (Problem(name) is not null)
        {
            throw new DomainException(Field.File, RefusalKey.UnsafeFileName);
        }
    }
}
