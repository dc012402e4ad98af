namespace Remiss.Tests.TestSupport;

/// <summary>The repository the tests run from: the folder of Remiss.sln, found above the test's own folder.</summary>
public static class Repository
{
    private static readonly Lazy<DirectoryInfo> Folder = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Remiss.sln")))
        {
            directory = directory.Parent;
        }

        return directory ?? throw new InvalidOperationException("The tests run outside the repository: Remiss.sln not found above " + AppContext.BaseDirectory);
    });

    public static DirectoryInfo Root => Folder.Value;
}
