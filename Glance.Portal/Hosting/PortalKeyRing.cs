using Glance.Domain.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Hosting;

/// <summary>
/// The keys that protect sign-in cookies and antiforgery tokens, kept in the data folder (owner-only)
/// so that a restart neither signs everybody out nor breaks the page a user reloads.
/// </summary>
internal static class PortalKeyRing
{
    public const string FolderName = "data-protection-keys";

    public static IServiceCollection AddPortalKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("glance-portal");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<GlanceOptions>, ILoggerFactory>((options, glance, logging) =>
        {
            var folder = Path.Combine(glance.Value.DataDirectoryFullPath, FolderName);
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                // Owner-only on every start, not just when made: a folder loosened since is tightened again.
                var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
                Directory.CreateDirectory(folder, ownerOnly);
                File.SetUnixFileMode(folder, ownerOnly);
            }
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), logging);
        });
        return services;
    }
}
