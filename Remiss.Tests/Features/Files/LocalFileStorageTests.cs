namespace Remiss.Tests.Features.Files;

using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Remiss.Infrastructure.Files;
using Remiss.Tests.TestSupport;

/// <summary>Each tenant's files in its own folder, under keys only the storage makes.</summary>
public sealed partial class LocalFileStorageTests : IDisposable
{
    private static readonly Guid TenantA = Guid.Parse("0191a5c2-0000-7000-8000-00000000000a");
    private static readonly Guid TenantB = Guid.Parse("0191a5c2-0000-7000-8000-00000000000b");

    private readonly TempFolder _folder = new();
    private readonly FakeClock _clock = new();
    private readonly LocalFileStorage _storage;

    public LocalFileStorageTests() => _storage = new LocalFileStorage(_folder.Path, _clock);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Save_WritesTheBytesUnderTheTenantsFolderAndTheMonthOfTheClock()
    {
        var stored = await SaveAsync(TenantA, SampleFiles.Pdf());

        Assert.Matches(KeyShape(), stored.StorageKey);
        Assert.StartsWith("2026/11/", stored.StorageKey, StringComparison.Ordinal);
        Assert.Equal([$"{TenantA:N}/{stored.StorageKey}"], _folder.Files());
        Assert.Equal(SampleFiles.Pdf(), await File.ReadAllBytesAsync(Path.Combine(_folder.Path, $"{TenantA:N}", stored.StorageKey)));
    }

    [Fact]
    public async Task Save_ComputesTheSizeAndTheSha256OfTheContent()
    {
        var content = SampleFiles.PdfOfSize(300_000);

        var stored = await SaveAsync(TenantA, content);

        Assert.Equal(300_000, stored.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Sha256);
    }

    [Fact]
    public async Task Save_TwiceTheSameContent_GivesTwoKeys()
    {
        var first = await SaveAsync(TenantA, SampleFiles.Pdf());
        var second = await SaveAsync(TenantA, SampleFiles.Pdf());

        Assert.NotEqual(first.StorageKey, second.StorageKey);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(2, _folder.Files().Count);
    }

    [Fact]
    public async Task Save_WhenTheUploadBreaksHalfway_LeavesNoFileBehind()
    {
        await Assert.ThrowsAsync<IOException>(() => _storage.SaveAsync(TenantA, new BrokenStream(200_000), CancellationToken.None));

        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task Save_WhenCancelled_LeavesNoFileBehind()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var content = new MemoryStream(SampleFiles.Pdf());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _storage.SaveAsync(TenantA, content, cancelled.Token));

        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task OpenRead_GivesBackTheSavedBytes()
    {
        var content = SampleFiles.Docx();
        var stored = await SaveAsync(TenantA, content);

        await using var read = await _storage.OpenReadAsync(TenantA, stored.StorageKey, CancellationToken.None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task OpenRead_AKeyOfTenantAAsTenantB_IsNotFound()
    {
        var stored = await SaveAsync(TenantA, SampleFiles.Pdf());

        await Assert.ThrowsAsync<FileNotFoundException>(() => _storage.OpenReadAsync(TenantB, stored.StorageKey, CancellationToken.None));
    }

    [Fact]
    public async Task OpenRead_AKeyNeverSaved_IsNotFound()
    {
        await SaveAsync(TenantA, SampleFiles.Pdf());

        await Assert.ThrowsAsync<FileNotFoundException>(() => _storage.OpenReadAsync(TenantA, $"2026/11/{Guid.NewGuid():N}", CancellationToken.None));
        await Assert.ThrowsAsync<FileNotFoundException>(() => _storage.OpenReadAsync(TenantA, $"1999/01/{Guid.NewGuid():N}", CancellationToken.None));
    }

    public static TheoryData<string> ForeignKeys => new()
    {
        "../../etc/passwd",
        "2026/11/../../../etc/passwd",
        "2026/11/..",
        "/etc/passwd",
        "C:\\Windows\\win.ini",
        "\\\\server\\share\\file",
        $"2026\\11\\{new string('a', 32)}",
        $"{TenantB:N}/2026/11/{new string('a', 32)}",
        $"../{TenantB:N}/2026/11/{new string('a', 32)}",
        $"2026/11/{new string('A', 32)}",
        $"2026/11/{new string('a', 32)}\n",
        $"2026/11/{new string('a', 32)}.tmp",
        $"/2026/11/{new string('a', 32)}",
        $"2026/11/{new string('a', 31)}",
        "2026/11/",
        "",
        " ",
    };

    [Theory]
    [MemberData(nameof(ForeignKeys))]
    public async Task OpenRead_AKeyThatIsNotOneOfOurs_IsRefused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>("storageKey", () => _storage.OpenReadAsync(TenantA, key, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(ForeignKeys))]
    public async Task Delete_AKeyThatIsNotOneOfOurs_IsRefused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>("storageKey", () => _storage.DeleteAsync(TenantA, key, CancellationToken.None));
    }

    [Fact]
    public async Task OpenRead_WithoutATenant_IsRefused()
    {
        var stored = await SaveAsync(TenantA, SampleFiles.Pdf());

        await Assert.ThrowsAsync<ArgumentException>("tenantId", () => _storage.OpenReadAsync(Guid.Empty, stored.StorageKey, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_RemovesTheFileAndMayBeRepeated()
    {
        var stored = await SaveAsync(TenantA, SampleFiles.Pdf());

        await _storage.DeleteAsync(TenantA, stored.StorageKey, CancellationToken.None);
        await _storage.DeleteAsync(TenantA, stored.StorageKey, CancellationToken.None);

        Assert.Empty(_folder.Files());
        await Assert.ThrowsAsync<FileNotFoundException>(() => _storage.OpenReadAsync(TenantA, stored.StorageKey, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_AKeyOfTenantAAsTenantB_LeavesTenantAsFile()
    {
        var stored = await SaveAsync(TenantA, SampleFiles.Pdf());

        await _storage.DeleteAsync(TenantB, stored.StorageKey, CancellationToken.None);

        Assert.Single(_folder.Files());
    }

    [Fact]
    public void FileRoot_IsUnderTheContentRootUnlessRooted()
    {
        var contentRoot = Path.Combine(_folder.Path, "app");
        var elsewhere = Path.Combine(_folder.Path, "elsewhere");

        Assert.Equal(Path.Combine(contentRoot, "App_Data", "files"), FilesRegistration.FileRootUnder(null, contentRoot));
        Assert.Equal(Path.Combine(contentRoot, "App_Data", "files"), FilesRegistration.FileRootUnder(" ", contentRoot));
        Assert.Equal(Path.Combine(contentRoot, "uploads"), FilesRegistration.FileRootUnder("uploads", contentRoot));
        Assert.Equal(elsewhere, FilesRegistration.FileRootUnder(elsewhere, contentRoot));
    }

    [Fact]
    public async Task AddRemissFiles_StoresUnderFilesRootOfTheConfiguration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Files:Root"] = "uploads" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddRemissFiles(configuration, _folder.Path);
        await using var provider = services.BuildServiceProvider();

        var file = await provider.GetRequiredService<AttachmentIntake>().AcceptAsync(TenantA, new MemoryStream(SampleFiles.Pdf()), "Remisshandling.pdf", CancellationToken.None);

        Assert.Equal([$"uploads/{TenantA:N}/{file.StorageKey}"], _folder.Files());
        Assert.Same(provider.GetRequiredService<IFileStorage>(), provider.GetRequiredService<IFileStorage>());
    }

    private async Task<StoredFile> SaveAsync(Guid tenantId, byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await _storage.SaveAsync(tenantId, stream, CancellationToken.None);
    }

    [GeneratedRegex(@"^[0-9]{4}/[0-9]{2}/[0-9a-f]{32}\z")]
    private static partial Regex KeyShape();
}
