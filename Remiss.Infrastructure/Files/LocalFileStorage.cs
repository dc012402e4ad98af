namespace Remiss.Infrastructure.Files;

using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

/// <summary>
/// Files on the local disk (or a mounted share) as <c>{root}/{tenantId:N}/{yyyy}/{MM}/{id:N}</c>. The month
/// folders keep any one folder small; the version-7 id sorts by time and cannot be guessed from another key.
/// </summary>
public sealed partial class LocalFileStorage : IFileStorage
{
    private const int BufferSize = 81_920;

    private readonly string _root;
    private readonly TimeProvider _clock;

    public LocalFileStorage(string root, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(clock);
        _root = Path.GetFullPath(root);
        _clock = clock;
    }

    /// <summary>The full path of the folder that holds every tenant's folder.</summary>
    public string Root => _root;

    public async Task<StoredFile> SaveAsync(Guid tenantId, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var now = _clock.GetUtcNow();
        var key = string.Create(CultureInfo.InvariantCulture, $"{now:yyyy}/{now:MM}/{Guid.CreateVersion7(now):N}");
        var path = PathOf(tenantId, key);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);

        // Written beside its final place and moved in one rename, so a crash or a failing upload leaves at
        // worst a stray .tmp (which never matches a key), never a half file under a key.
        var temporary = Path.Combine(folder, $"{Guid.NewGuid():N}.tmp");
        try
        {
            long size = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var output = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
                BufferSize = 0,
            });
            await using (output.ConfigureAwait(false))
            {
                var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
                try
                {
                    int read;
                    while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        size += read;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                // On the platter before the rename makes it visible: otherwise a power cut could leave the
                // key pointing at an empty or short file.
                output.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
            return new StoredFile(key, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public Task<Stream> OpenReadAsync(Guid tenantId, string storageKey, CancellationToken cancellationToken)
    {
        var path = PathOf(tenantId, storageKey);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<Stream>(cancellationToken);
        }

        try
        {
            Stream stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
            return Task.FromResult(stream);
        }
        catch (FileNotFoundException e)
        {
            return Task.FromException<Stream>(NotFound(e));
        }
        catch (DirectoryNotFoundException e)
        {
            // A tenant (or month) that has no files yet: to the caller that is simply "no such file".
            return Task.FromException<Stream>(NotFound(e));
        }
    }

    public Task DeleteAsync(Guid tenantId, string storageKey, CancellationToken cancellationToken)
    {
        var path = PathOf(tenantId, storageKey);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone, with its folder: deleting is meant to be safe to repeat.
        }

        return Task.CompletedTask;
    }

    /// <summary>True for a key this storage could have made; anything else is refused before it touches a path.</summary>
    public static bool IsStorageKey(string? storageKey) => storageKey is not null && KeyPattern().IsMatch(storageKey);

    private string PathOf(Guid tenantId, string storageKey)
    {
        if (tenantId == Guid.Empty)
        {
            throw new ArgumentException("A file always belongs to a tenant.", nameof(tenantId));
        }

        // The pattern alone rules out "..", rooted paths, backslashes and other tenants' folders; the prefix
        // check below is a second lock in case the pattern is ever loosened.
        if (!IsStorageKey(storageKey))
        {
            throw new ArgumentException("Not a storage key made by this storage.", nameof(storageKey));
        }

        var tenantFolder = Path.Combine(_root, tenantId.ToString("N", CultureInfo.InvariantCulture));
        var path = Path.GetFullPath(Path.Combine(tenantFolder, storageKey));
        if (!path.StartsWith(tenantFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("Not a storage key made by this storage.", nameof(storageKey));
        }

        return path;
    }

    private static FileNotFoundException NotFound(Exception inner) =>
        new("The tenant has no file under this storage key.", inner);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover .tmp is harmless because no key can name it.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    // \z, not $: $ would also accept a key that ends in a line break.
    [GeneratedRegex(@"^[0-9]{4}/[0-9]{2}/[0-9a-f]{32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
