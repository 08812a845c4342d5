using Glance.Domain.Images;

namespace Glance.Portal.DemoData;

/// <summary>One demo image: who owns it, what it is, and who it is shared with (project → answer).</summary>
internal sealed record DemoImage(
    string Owner,
    string Name,
    ImageVisibility Visibility,
    string DiskFormat,
    int MinDiskGb,
    int MinRamMb,
    IReadOnlyDictionary<string, string?> Properties,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Members);

/// <summary>
/// The catalog a first start in Development shows: distribution images published by the admins,
/// community images, images the demo projects share with each other in every member status, and
/// private ones. The demo accounts are alice (demo-a, lab), bob (demo-b), carol (reader in demo-a).
/// </summary>
internal static class DemoCatalog
{
    private static DemoImage Distro(string name, string distro, string version, string description, int disk = 8, int ram = 1024,
        string format = "qcow2", string arch = "x86_64", params string[] tags) =>
        new("admin", name, ImageVisibility.Public, format, disk, ram,
            new Dictionary<string, string?>
            {
                ["os_distro"] = distro,
                ["os_version"] = version,
                ["architecture"] = arch,
                ["hw_disk_bus"] = "virtio",
                ["description"] = description,
            },
            tags, new Dictionary<string, string>());

    private static DemoImage Project(string owner, string name, ImageVisibility visibility, string distro, string description,
        IReadOnlyDictionary<string, string>? members = null, params string[] tags) =>
        new(owner, name, visibility, "qcow2", 10, 2048,
            new Dictionary<string, string?> { ["os_distro"] = distro, ["architecture"] = "x86_64", ["description"] = description },
            tags, members ?? new Dictionary<string, string>());

    public static readonly IReadOnlyList<DemoImage> Images =
    [
        Distro("Ubuntu 24.04 LTS (Noble Numbat)", "ubuntu", "24.04", "Ubuntu Server cloud image, long-term support until 2029.", tags: ["lts", "recommended"]),
        Distro("Ubuntu 22.04 LTS (Jammy Jellyfish)", "ubuntu", "22.04", "Ubuntu Server cloud image, long-term support until 2027.", tags: ["lts"]),
        Distro("Ubuntu 24.04 LTS arm64", "ubuntu", "24.04", "Ubuntu Server cloud image for ARM servers.", arch: "aarch64", tags: ["lts"]),
        Distro("Debian 12 (bookworm) generic cloud", "debian", "12", "Debian stable with cloud-init.", tags: ["recommended"]),
        Distro("Debian 13 (trixie) generic cloud", "debian", "13", "Debian testing, for early adopters."),
        Distro("Fedora Cloud 41", "fedora", "41", "Fedora Cloud Base, the latest Fedora for the cloud."),
        Distro("Rocky Linux 9.4", "rocky", "9.4", "Enterprise Linux, bug-for-bug compatible.", disk: 10),
        Distro("AlmaLinux 9.4", "almalinux", "9.4", "Enterprise Linux from the AlmaLinux foundation.", disk: 10),
        Distro("CentOS Stream 9", "centos", "9", "The upstream of RHEL 9.", disk: 10),
        Distro("Alpine Linux 3.20", "alpine", "3.20", "A tiny image for containers hosts and appliances.", disk: 1, ram: 256, tags: ["minimal"]),
        Distro("CirrOS 0.6.2", "cirros", "0.6.2", "A minimal image for testing clouds.", disk: 1, ram: 128, tags: ["test", "minimal"]),
        Distro("openSUSE Leap 15.6", "opensuse", "15.6", "openSUSE Leap, built from SUSE Linux Enterprise sources."),
        Distro("Arch Linux (rolling)", "arch", "rolling", "Arch Linux cloud image, updated weekly."),
        Distro("FreeBSD 14.1", "freebsd", "14.1", "FreeBSD with ZFS root.", disk: 5),
        Distro("Windows Server 2022 Evaluation", "windows", "2022", "180-day evaluation; bring your own licence to keep it.", disk: 40, ram: 4096, tags: ["licence-required"]),
        Distro("Ubuntu 24.04 LTS live ISO", "ubuntu", "24.04", "Installer ISO for manual installs.", disk: 20, format: "iso"),

        Project("demo-b", "k8s worker node (kubeadm 1.31)", ImageVisibility.Community, "ubuntu", "Ubuntu 24.04 with containerd and kubeadm preinstalled.", tags: ["kubernetes"]),
        Project("demo-b", "GitLab runner", ImageVisibility.Community, "debian", "Debian 12 with gitlab-runner and Docker.", tags: ["ci"]),
        Project("lab", "TensorFlow 2.17 GPU", ImageVisibility.Community, "ubuntu", "CUDA 12 and TensorFlow for GPU flavors.", tags: ["gpu", "ml"]),

        Project("demo-a", "demo-a web base", ImageVisibility.Shared, "debian", "Nginx and certbot on Debian 12, hardened.",
            new Dictionary<string, string> { ["demo-b"] = "accepted", ["lab"] = "pending" }, "web"),
        Project("demo-a", "demo-a PostgreSQL 16", ImageVisibility.Shared, "debian", "PostgreSQL 16 with backups to object storage.",
            new Dictionary<string, string> { ["demo-b"] = "pending" }, "database"),
        Project("demo-a", "demo-a old build 2023", ImageVisibility.Shared, "ubuntu", "Superseded build kept for rollbacks.",
            new Dictionary<string, string> { ["demo-b"] = "rejected" }),
        Project("demo-a", "demo-a staging (not shared yet)", ImageVisibility.Shared, "ubuntu", "Shared visibility, but no members yet."),
        Project("demo-b", "bob's Redis 7 cache", ImageVisibility.Shared, "alpine", "Redis 7 on Alpine, tuned for small flavors.",
            new Dictionary<string, string> { ["demo-a"] = "pending" }, "cache"),
        Project("demo-b", "bob's build agent", ImageVisibility.Shared, "fedora", "Fedora 41 with the team's toolchain.",
            new Dictionary<string, string> { ["demo-a"] = "accepted", ["lab"] = "accepted" }, "ci"),
        Project("demo-b", "bob's experiment", ImageVisibility.Shared, "arch", "Whatever bob was trying last week.",
            new Dictionary<string, string> { ["demo-a"] = "rejected" }),
        Project("lab", "lab Jupyter server", ImageVisibility.Shared, "ubuntu", "JupyterHub for the lab's courses.",
            new Dictionary<string, string> { ["demo-a"] = "accepted", ["demo-b"] = "pending" }, "ml"),

        Project("demo-a", "alice's scratch VM", ImageVisibility.Private, "fedora", "Snapshot of a scratch machine."),
        Project("demo-a", "demo-a golden image 2026-11", ImageVisibility.Private, "debian", "The project's base image for this month.", tags: ["golden"]),
        Project("demo-b", "bob's private snapshot", ImageVisibility.Private, "debian", "Before the upgrade."),
        Project("lab", "lab dataset volume", ImageVisibility.Private, "ubuntu", "Preloaded datasets for the course."),
    ];
}
