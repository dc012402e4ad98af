namespace Remiss.Web.Resources;

/// <summary>
/// Marker for the shared interface texts. The keys are the Swedish texts themselves (Swedish is the default
/// language); SharedResource.en.resx gives the English ones.
/// </summary>
public sealed class SharedResource;
