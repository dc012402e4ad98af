namespace Remiss.Web.Hosting;

using System.Security.Cryptography.X509Certificates;

/// <summary>
/// The certificate that encrypts the data-protection key ring where it is stored (the database): configuration
/// <c>DataProtection:CertificatePath</c> (a .pfx with its private key) and <c>DataProtection:CertificatePassword</c>.
/// Required in Production; elsewhere the keys are stored as they are.
/// </summary>
public static class DataProtectionCertificate
{
    public const string PathKey = "DataProtection:CertificatePath";
    public const string PasswordKey = "DataProtection:CertificatePassword";

    public static X509Certificate2? Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[PathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordKey]);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{PathKey} must name a certificate with its private key: the key ring is decrypted with it.");
    }
}
