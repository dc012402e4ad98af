namespace Remiss.Web;

using Remiss.Domain.Remisser;

/// <summary>
/// An yttrande to show read-only: the remiss for its questions, the response, and the sanitiser for its formatted text.
/// The public page leaves out the bilagor (a protokollsutdrag can hold personal data). The preview before submitting
/// shows Beslut, Ansvariga and Bilagor also when they are empty, so what is missing is seen.
/// </summary>
public sealed record ResponseDocumentView(Remiss Remiss, Response Response, Func<string?, string> Sanitize, bool ShowAttachments = true, bool ShowEmptyParts = false);
