namespace Remiss.Infrastructure.Files;

/// <summary>
/// Where the bytes of every file live. Each tenant has its own folder and the tenant id is part of every
/// path, so a key can only ever reach a file of the tenant that asks. Keys are made by the storage, never
/// by a caller, and a key that does not look like one of ours is refused.
/// </summary>
public interface IFileStorage
{
    /// <summary>Copies <paramref name="content"/> to the end into a new file under a new key, computing size and SHA-256 on the way.</summary>
    Task<StoredFile> SaveAsync(Guid tenantId, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored file for reading. Throws <see cref="FileNotFoundException"/> when the tenant has no file under the key.</summary>
    Task<Stream> OpenReadAsync(Guid tenantId, string storageKey, CancellationToken cancellationToken);

    /// <summary>Deletes a stored file; a file that is already gone is not an error.</summary>
    Task DeleteAsync(Guid tenantId, string storageKey, CancellationToken cancellationToken);
}

/// <summary>A file written by <see cref="IFileStorage.SaveAsync"/>: its key, its size and its SHA-256 in lower-case hex.</summary>
public sealed record StoredFile(string StorageKey, long SizeBytes, string Sha256);
