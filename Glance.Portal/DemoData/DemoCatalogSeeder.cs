using Glance.Domain.Common;
using Glance.Domain.ImageData;
using Glance.Domain.Images;
using Glance.Domain.Members;
using Glance.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glance.Portal.DemoData;

/// <summary>
/// Seeds <see cref="DemoCatalog"/> on a first start with <c>Glance:DemoData:Enabled</c> (on in
/// Development), through the same domain services as the API, so every image is real: uploaded data
/// with its checksums, members who answered for themselves. An existing catalog is never touched.
/// </summary>
internal sealed class DemoCatalogSeeder(
    IDbContextFactory<GlanceDbContext> dbFactory,
    ImageService images,
    ImageDataService data,
    MemberService members,
    ILogger<DemoCatalogSeeder> logger) : IHostedService
{
    private static readonly CallerContext s_admin = new("admin", "admin", ["admin", "member", "reader"]);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Images.AnyAsync(cancellationToken))
            {
                return;
            }
        }
        var seed = 0;
        foreach (var demo in DemoCatalog.Images)
        {
            var owner = Caller(demo.Owner);
            // Publishing is for admins (publicize_image); the admins publish for their own project.
            var creator = demo.Visibility == ImageVisibility.Public ? s_admin : owner;
            var image = await images.CreateAsync(creator, new NewImage
            {
                Name = demo.Name,
                Visibility = demo.Visibility,
                DiskFormat = demo.DiskFormat,
                ContainerFormat = "bare",
                MinDisk = demo.MinDiskGb,
                MinRam = demo.MinRamMb,
                Properties = demo.Properties,
                Tags = demo.Tags,
            }, cancellationToken);
            var bytes = Content(++seed);
            await using (var stream = new MemoryStream(bytes))
            {
                await data.UploadAsync(creator, image.Id, stream, bytes.Length, cancellationToken);
            }
            foreach (var (project, answer) in demo.Members)
            {
                await members.AddAsync(owner, image.Id, project, cancellationToken);
                if (answer != "pending")
                {
                    await members.UpdateStatusAsync(Caller(project), image.Id, project, answer, cancellationToken);
                }
            }
        }
        logger.LogInformation("Seeded the demo catalog: {Count} images.", DemoCatalog.Images.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static CallerContext Caller(string project) => new($"demo-seeder@{project}", project, ["member", "reader"]);

    /// <summary>A small, distinct, reproducible file per image (64 to 448 KiB), so checksums and downloads are real.</summary>
    private static byte[] Content(int seed)
    {
        var bytes = new byte[(64 + seed % 7 * 64) * 1024];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
