namespace Remiss.Domain.Remisser;

/// <summary>A document fixed once as a stored file: where its bytes are, and their SHA-256 (lower-case hex) and size, for the record.</summary>
public sealed record FinalDocument(string StorageKey, string Sha256, long SizeBytes);
