namespace Remiss.Web;

using Remiss.Domain.Remisser;

/// <summary>What the shared remiss partial needs: the remiss, sanitised description, sender and the deadline that applies to the reader.</summary>
public sealed record RemissDocumentView(
    Remiss Remiss, string DescriptionHtml, string SenderName, DateOnly? Deadline, string RemissUrl, IReadOnlyList<string>? RecipientNames = null);
