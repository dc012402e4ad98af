namespace Remiss.Infrastructure.Files;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

public static class FilesRegistration
{
    /// <summary>Registers <see cref="IFileStorage"/> (local disk under <c>Files:Root</c>) and <see cref="AttachmentIntake"/>.</summary>
    public static IServiceCollection AddRemissFiles(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(FileStorageOptions.Section).Get<FileStorageOptions>() ?? new FileStorageOptions();
        var root = FileRootUnder(options.Root, contentRoot);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IFileStorage>(sp => new LocalFileStorage(root, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AttachmentIntake>();
        return services;
    }

    /// <summary>Makes a relative root relative to the content root, as the SQLite path is; an empty setting means the default.</summary>
    public static string FileRootUnder(string? root, string contentRoot)
    {
        var configured = string.IsNullOrWhiteSpace(root) ? FileStorageOptions.DefaultRoot : root;
        return Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));
    }
}
