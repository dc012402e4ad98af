namespace Remiss.Web.Resources;

/// <summary>
/// Marker for the texts of the domain's refusals, keyed by <see cref="Domain.Common.RefusalKey"/>, with the labels
/// of their subjects (<c>Field_Title</c>) and the words of their arguments (<c>Act_Decline</c>).
/// RefusalResource.resx is Swedish (the default language), RefusalResource.en.resx English.
/// </summary>
public sealed class RefusalResource;
