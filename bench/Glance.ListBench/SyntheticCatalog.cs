namespace Glance.ListBench;

/// <summary>One image of the synthetic catalog with its rows in the other tables.</summary>
internal sealed record CatalogImage(
    string Id, string Name, string Status, string Visibility, bool Hidden, string Checksum, string Hash, string Owner,
    long Size, string DiskFormat, int MinDisk, DateTime Created,
    IReadOnlyList<(string Name, string Value)> Properties, IReadOnlyList<string> Tags, IReadOnlyList<(string Project, string Status)> Members);

/// <summary>
/// The synthetic catalog, the same on every engine (a fixed seed): a few hundred projects, mixed
/// visibility, 5–10 properties and 2 tags per image, memberships on shared images.
/// </summary>
internal static class SyntheticCatalog
{
    public static readonly string[] Distros = ["ubuntu", "debian", "fedora", "centos", "rocky", "alma", "opensuse", "arch", "alpine", "cirros"];
    public static readonly string[] Formats = ["qcow2", "raw", "iso", "vmdk", "vhd"];
    public const int Projects = 300;

    public static IEnumerable<CatalogImage> Images(int count)
    {
        var random = new Random(42);
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var n = 0; n < count; n++)
        {
            var id = Guid.NewGuid().ToString();
            var owner = $"project-{random.Next(Projects):D3}";
            var roll = random.Next(100);
            var visibility = roll < 5 ? "public" : roll < 10 ? "community" : roll < 50 ? "shared" : "private";
            var created = start.AddSeconds(n * 60 + random.Next(60));
            var distro = Distros[random.Next(Distros.Length)];
            var status = random.Next(50) == 0 ? "queued" : "active";
            var hidden = random.Next(100) == 0;
            var checksum = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
            var size = (long)random.Next(1, 20_000) << 20;
            var disk = Formats[random.Next(Formats.Length)];
            var minDisk = random.Next(0, 80);
            var properties = new List<(string, string)>
            {
                ("os_distro", distro),
                ("os_version", $"{random.Next(1, 30)}.{random.Next(10)}"),
                ("architecture", random.Next(4) == 0 ? "aarch64" : "x86_64"),
                ("description", $"{distro} cloud image build {n} for general purpose workloads"),
                ("hw_disk_bus", random.Next(2) == 0 ? "virtio" : "scsi"),
            };
            for (var extra = random.Next(0, 6); extra > 0; extra--)
            {
                properties.Add(($"custom_{extra}", $"value-{random.Next(1000)}"));
            }
            string[] tags = [$"tag-{random.Next(50)}", $"release-{random.Next(20) + 100}"];
            var members = new List<(string, string)>();
            if (visibility == "shared")
            {
                var seen = new HashSet<string>();
                for (var m = random.Next(0, 4); m > 0; m--)
                {
                    var target = $"project-{random.Next(Projects):D3}";
                    if (target != owner && seen.Add(target))
                    {
                        members.Add((target, random.Next(3) switch { 0 => "pending", 1 => "accepted", _ => "rejected" }));
                    }
                }
            }
            yield return new CatalogImage(id, $"{distro}-{n}", status, visibility, hidden, checksum, "h" + n, owner, size, disk, minDisk, created,
                properties, tags, members);
        }
    }
}
