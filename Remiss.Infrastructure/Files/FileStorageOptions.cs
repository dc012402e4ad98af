namespace Remiss.Infrastructure.Files;

/// <summary>Configuration section <c>Files</c>.</summary>
public sealed class FileStorageOptions
{
    public const string Section = "Files";
    public const string DefaultRoot = "App_Data/files";

    /// <summary>The folder that holds every tenant's files; a relative path is taken from the content root.</summary>
    public string Root { get; set; } = DefaultRoot;
}
