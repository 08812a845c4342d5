using System.Globalization;
using Glance.Domain.Images;

namespace Glance.Portal.Components.Shared;

/// <summary>How the portal writes sizes, times and statuses for people.</summary>
public static class Format
{
    private static readonly string[] s_units = ["B", "KiB", "MiB", "GiB", "TiB"];

    public static string Size(long? bytes)
    {
        if (bytes is not { } value)
        {
            return "—";
        }
        double size = value;
        var unit = 0;
        while (size >= 1024 && unit < s_units.Length - 1)
        {
            size /= 1024;
            unit++;
        }
        return unit == 0 ? $"{value} B" : size.ToString(size < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + s_units[unit];
    }

    /// <summary>"3 minutes ago", "2 days ago": the exact time goes in a tooltip beside it.</summary>
    public static string Relative(DateTime utc, DateTime now)
    {
        var age = now - utc;
        return age.TotalSeconds switch
        {
            < 0 => "just now",
            < 60 => "just now",
            < 3600 => Plural((int)age.TotalMinutes, "minute") + " ago",
            < 86400 => Plural((int)age.TotalHours, "hour") + " ago",
            < 86400 * 31 => Plural((int)age.TotalDays, "day") + " ago",
            < 86400 * 365 => Plural((int)(age.TotalDays / 30.4), "month") + " ago",
            _ => Plural((int)(age.TotalDays / 365.25), "year") + " ago",
        };
    }

    /// <summary>"5 min ago", "3 mo ago": <see cref="Relative"/> in the few characters a table column has.</summary>
    public static string RelativeShort(DateTime utc, DateTime now)
    {
        var age = now - utc;
        return age.TotalSeconds switch
        {
            < 60 => "just now",
            < 3600 => $"{(int)age.TotalMinutes} min ago",
            < 86400 => $"{(int)age.TotalHours} h ago",
            < 86400 * 31 => $"{(int)age.TotalDays} d ago",
            < 86400 * 365 => $"{(int)(age.TotalDays / 30.4)} mo ago",
            _ => $"{(int)(age.TotalDays / 365.25)} y ago",
        };
    }

    public static string Exact(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";

    /// <summary>What each status means to someone about to use the image (reference §2.2).</summary>
    public static string StatusMeaning(ImageStatus status) => status switch
    {
        ImageStatus.Queued => "Created, but no data has been uploaded yet.",
        ImageStatus.Saving => "Data is being uploaded.",
        ImageStatus.Active => "Ready to boot servers from.",
        ImageStatus.Deactivated => "Taken out of use by its owner or an admin: its data cannot be downloaded or booted.",
        ImageStatus.Killed => "The upload failed; the image cannot be used.",
        ImageStatus.Deleted or ImageStatus.PendingDelete => "Deleted.",
        ImageStatus.Uploading => "Data is being staged for import.",
        ImageStatus.Importing => "Data is being imported.",
        _ => status.ToWire(),
    };

    public static MudBlazor.Color StatusColor(ImageStatus status) => status switch
    {
        ImageStatus.Active => MudBlazor.Color.Success,
        ImageStatus.Queued or ImageStatus.Saving or ImageStatus.Uploading or ImageStatus.Importing => MudBlazor.Color.Info,
        ImageStatus.Deactivated => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Error,
    };

    /// <summary>A short label for an os_distro value (the badge in lists), or null when there is none.</summary>
    public static string? Distro(string? osDistro) => osDistro?.ToLowerInvariant() switch
    {
        null or "" => null,
        "ubuntu" => "Ubuntu",
        "debian" => "Debian",
        "fedora" => "Fedora",
        "rocky" => "Rocky",
        "almalinux" => "Alma",
        "centos" => "CentOS",
        "alpine" => "Alpine",
        "cirros" => "CirrOS",
        "opensuse" or "sles" => "SUSE",
        "arch" => "Arch",
        "freebsd" => "FreeBSD",
        "windows" => "Windows",
        "rhel" => "RHEL",
        var other => other,
    };
}
