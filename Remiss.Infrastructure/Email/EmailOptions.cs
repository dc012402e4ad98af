namespace Remiss.Infrastructure.Email;

/// <summary>Configuration section <c>App</c>: what e-mails need to know about the running application.</summary>
public sealed class EmailOptions
{
    public const string Section = "App";

    /// <summary>
    /// The address people reach the application at, e.g. <c>https://remiss.malmo.se</c>. Links in e-mails are
    /// absolute and built from it, because an e-mail is read outside any request that could tell the host.
    /// </summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
}
