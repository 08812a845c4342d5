using System.Text.Json.Nodes;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Domain.Persistence;
using Glance.Domain.Policies;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace Glance.Portal.Tests.Domain.Persistence;

/// <summary>
/// What a persistence adapter keeps for the domain (its triggers, or however the engine does it) is
/// what the domain's definitions say, after any sequence of changes: the facet counters count exactly
/// the <see cref="CatalogAudience.IsCandidate"/> images, the search text and the os_distro copy follow
/// the image, every property name is known, and a tag row knows its image's creation time. Written
/// against the EF model only, so it runs unchanged on every adapter.
/// </summary>
public sealed class DerivedCatalogDataTests : PortalComponentContext
{
    private static readonly string[] s_projects = ["demo-a", "demo-b", "lab"];
    private static readonly string[] s_distros = ["debian", "ubuntu", "Fedora", "arch"];

    [Fact]
    public async Task The_derived_data_follows_the_catalog_through_every_kind_of_change()
    {
        var random = new Random(42);
        var images = Service<ImageService>();
        var root = new CallerContext("root", "admin", ["admin", "member", "reader"]);
        var ids = new List<string>();
        for (var n = 0; n < 40; n++)
        {
            var properties = new Dictionary<string, string?> { ["description"] = $"Image number {n} for Testing" };
            if (n % 3 != 0)
            {
                properties["os_distro"] = s_distros[random.Next(s_distros.Length)];
            }
            if (n == 2)
            {
                // Longer than any index entry or column may hold: a value is stored whole, the facet
                // counts its first characters.
                properties["description"] = string.Concat(Enumerable.Repeat("A long description. ", 300));
                properties["os_distro"] = new string('d', 300);
            }
            var image = await images.CreateAsync(root, new NewImage
            {
                Name = n % 7 == 0 ? null : $"Image-{n} WEB",
                Owner = s_projects[random.Next(s_projects.Length)],
                Visibility = (ImageVisibility)random.Next(4),
                DiskFormat = n % 5 == 0 ? null : "qcow2",
                ContainerFormat = "bare",
                OsHidden = n % 9 == 0,
                Tags = n % 2 == 0 ? ["even", $"t{n % 4}"] : [],
                Properties = properties,
            });
            ids.Add(image.Id);
        }
        foreach (var (id, n) in ids.Select((id, n) => (id, n)))
        {
            switch (n % 6)
            {
                case 0:
                    await images.UpdateAsync(root, id, [ImageChange.Replace("name", JsonValue.Create($"Renamed {n}")), ImageChange.Add("os_distro", JsonValue.Create("alpine"))]);
                    break;
                case 1:
                    await images.UpdateAsync(root, id, [ImageChange.Remove("description"), ImageChange.Replace("visibility", JsonValue.Create("public"))]);
                    break;
                case 2:
                    await images.UpdateAsync(root, id, [ImageChange.Replace("os_hidden", JsonValue.Create(n % 4 == 0)), ImageChange.Add("x_note", JsonValue.Create("Extra Words"))]);
                    break;
                case 3:
                    await images.DeleteAsync(root, id);
                    break;
                case 4:
                    await images.AddTagAsync(root, id, "late");
                    await images.UpdateAsync(root, id, [ImageChange.Replace("disk_format", JsonValue.Create("raw"))]);
                    break;
            }
        }
        await using (var db = await Service<IDbContextFactory<GlanceDbContext>>().CreateDbContextAsync())
        {
            // A failed image is no candidate: it leaves the counters as it leaves every list.
            var killed = await db.Images.FirstAsync(i => i.Id == ids[5]);
            db.Entry(killed).Property(i => i.Status).CurrentValue = ImageStatus.Killed;
            await db.SaveChangesAsync();
        }

        await using var check = await Service<IDbContextFactory<GlanceDbContext>>().CreateDbContextAsync();
        var all = await check.Images.AsNoTracking().Include(i => i.Properties).Include(i => i.Tags).ToListAsync();

        var expected = all.Where(CatalogAudience.IsCandidate.Compile())
            .SelectMany(i => new[]
            {
                (i.Visibility, i.OsHidden, Facet: "visibility", Value: i.Visibility.ToWire()),
                (i.Visibility, i.OsHidden, Facet: "status", Value: i.Status.ToWire()),
                (i.Visibility, i.OsHidden, Facet: "disk_format", Value: i.DiskFormat ?? ""),
                (i.Visibility, i.OsHidden, Facet: "owner", Value: i.Owner ?? ""),
                (i.Visibility, i.OsHidden, Facet: "os_distro", Value: FacetValue(i.GetProperty("os_distro")) ?? ""),
            })
            .GroupBy(c => c)
            .Select(g => $"{g.Key.Visibility.ToWire()}/{g.Key.OsHidden}/{g.Key.Facet}/{g.Key.Value}={g.Count()}")
            .Order(StringComparer.Ordinal).ToList();
        var counted = (await check.ImageFacetCounts.AsNoTracking().Where(c => c.Count != 0).ToListAsync())
            .Select(c => $"{c.Visibility}/{c.OsHidden}/{c.Facet}/{c.Value}={c.Count}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, counted);

        var derived = await check.Images.AsNoTracking()
            .Select(i => new { i.Id, Text = EF.Property<string>(i, "SearchText"), OsDistro = EF.Property<string?>(i, "OsDistro") })
            .ToDictionaryAsync(i => i.Id);
        foreach (var image in all.Where(i => !i.Deleted))
        {
            var text = derived[image.Id].Text;
            var words = new[] { image.Name ?? "" }.Concat(image.Properties.Select(p => p.Value ?? "")).Select(w => w.ToLowerInvariant()).ToList();
            Assert.StartsWith((image.Name ?? "").ToLowerInvariant() + " ", text);
            Assert.All(words, w => Assert.Contains(w, text));
            Assert.Equal(words.Sum(w => w.Length) + words.Count - 1, text.Length);
            Assert.Equal(FacetValue(image.GetProperty("os_distro")), derived[image.Id].OsDistro);
        }

        var names = await check.ImagePropertyNames.AsNoTracking().Select(n => n.Name).ToListAsync();
        Assert.Superset(new HashSet<string> { "description", "os_distro", "x_note" }, names.ToHashSet());
        var tagTimes = await check.ImageTags.AsNoTracking()
            .Select(t => new { t.ImageId, CreatedAt = EF.Property<DateTime>(t, TagOrder.Column) })
            .ToListAsync();
        Assert.NotEmpty(tagTimes);
        Assert.All(tagTimes, t => Assert.Equal(all.Single(i => i.Id == t.ImageId).CreatedAt, t.CreatedAt));
        Assert.Equal(6000, all.Single(i => i.Id == ids[2]).GetProperty("description")!.Length);
    }

    [Fact]
    public async Task Concurrent_edits_of_one_image_and_of_many_keep_the_derived_data_exact()
    {
        var images = Service<ImageService>();
        var root = new CallerContext("root", "admin", ["admin", "member", "reader"]);
        var ids = new List<string>();
        for (var n = 0; n < 6; n++)
        {
            ids.Add((await images.CreateAsync(root, new NewImage
            {
                Name = $"busy {n}", Owner = "demo-a", Visibility = ImageVisibility.Shared, ContainerFormat = "bare", DiskFormat = "raw",
                Properties = new Dictionary<string, string?> { ["os_distro"] = "debian", ["x_shared"] = "first" },
            })).Id);
        }

        // Many writers at once, several on the same image: each changes a property the triggers derive
        // from (os_distro, a searched value), one every writer of that image changes too (x_shared), one
        // of its own, and a faceted column (visibility), so their row locks and counter updates
        // interleave. None changes the status or adds a property another adds, so none may be refused:
        // a deadlock between two writers would fail one of them here, and a lost or doubled delta shows below.
        var writers = Enumerable.Range(0, 24).Select(async w =>
        {
            var id = ids[w % ids.Count];
            for (var round = 0; round < 3; round++)
            {
                await images.UpdateAsync(root, id, [
                    ImageChange.Add("os_distro", JsonValue.Create(s_distros[(w + round) % s_distros.Length])),
                    ImageChange.Add("x_shared", JsonValue.Create($"{w}/{round}")),
                    ImageChange.Add($"x_writer_{w}", JsonValue.Create($"round {round}")),
                    ImageChange.Replace("visibility", JsonValue.Create((w + round) % 2 == 0 ? "public" : "community")),
                ]);
            }
        });
        await Task.WhenAll(writers);

        await using var check = await Service<IDbContextFactory<GlanceDbContext>>().CreateDbContextAsync();
        var all = await check.Images.AsNoTracking().Include(i => i.Properties).Where(i => ids.Contains(i.Id)).ToListAsync();
        var expected = all.SelectMany(i => new[] { $"{i.Visibility.ToWire()}/os_distro/{i.GetProperty("os_distro")}", $"{i.Visibility.ToWire()}/visibility/{i.Visibility.ToWire()}" })
            .GroupBy(k => k).Select(g => $"{g.Key}={g.Count()}").Order(StringComparer.Ordinal).ToList();
        var counted = (await check.ImageFacetCounts.AsNoTracking().Where(c => c.Count != 0 && (c.Facet == "os_distro" || c.Facet == "visibility")).ToListAsync())
            .Select(c => $"{c.Visibility}/{c.Facet}/{c.Value}={c.Count}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, counted);
        var derived = await check.Images.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, Text = EF.Property<string>(i, "SearchText"), OsDistro = EF.Property<string?>(i, "OsDistro") })
            .ToDictionaryAsync(i => i.Id);
        foreach (var image in all)
        {
            Assert.Equal(image.GetProperty("os_distro"), derived[image.Id].OsDistro);
            Assert.All(image.Properties, p => Assert.Contains((p.Value ?? "").ToLowerInvariant(), derived[image.Id].Text));
        }
    }

    private static string? FacetValue(string? osDistro) =>
        osDistro is { Length: > ImageFacetCounts.OsDistroLength } ? osDistro[..ImageFacetCounts.OsDistroLength] : osDistro;
}
