using System.Security.Cryptography;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Portal.Portal.Uploads;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Portal;

/// <summary>
/// The resumable browser upload against the real domain (SQLite file, filesystem store): chunks at
/// offsets become one upload, a chunk cut off keeps what arrived, and the image ends with the hash
/// of the whole file.
/// </summary>
public sealed class UploadSessionTests : PortalComponentContext
{
    private readonly byte[] _file = RandomNumberGenerator.GetBytes(300_000);

    private UploadSessions Sessions() => new(Service<IServiceScopeFactory>(), TimeProvider.System);

    private async Task<(CallerContext Alice, Image Image)> QueuedImageAsync()
    {
        var alice = SignIn("alice", "demo-a", "member", "reader");
        var image = await Service<ImageService>().CreateAsync(alice, new NewImage { Name = "resumable", DiskFormat = "raw", ContainerFormat = "bare" });
        return (alice, image);
    }

    private Task<ChunkResult> SendAsync(UploadSession session, long from, long to) =>
        session.AppendAsync(from, new MemoryStream(_file[(int)from..(int)to]), CancellationToken.None);

    [Fact]
    public async Task Chunks_at_their_offsets_make_an_active_image_with_the_files_hashes()
    {
        var (alice, image) = await QueuedImageAsync();
        var session = await Sessions().BeginAsync(alice, image.Id, _file.Length);
        Assert.Equal(ImageStatus.Saving, (await Service<ImageService>().GetAsync(alice, image.Id)).Status);

        Assert.Equal(ChunkResult.Accepted(100_000), await SendAsync(session, 0, 100_000));
        Assert.Equal(ChunkResult.Accepted(200_000), await SendAsync(session, 100_000, 200_000));
        Assert.Equal(ChunkResult.Finished(300_000), await SendAsync(session, 200_000, 300_000));

        var stored = await Service<ImageService>().GetAsync(alice, image.Id);
        Assert.Equal(ImageStatus.Active, stored.Status);
        Assert.Equal(_file.Length, stored.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(_file)), stored.OsHashValue);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(_file)), stored.Checksum);
    }

    [Fact]
    public async Task A_chunk_cut_off_midway_keeps_what_arrived_and_the_rest_resumes_from_there()
    {
        var (alice, image) = await QueuedImageAsync();
        var session = await Sessions().BeginAsync(alice, image.Id, _file.Length);

        var cut = await session.AppendAsync(0, new CutOffStream(_file[..200_000], after: 123_457), CancellationToken.None);
        Assert.Equal(ChunkResult.Cut(123_457), cut);
        Assert.Equal(123_457, session.Received);

        // The browser retries the chunk from where it started; the server says where it is.
        Assert.Equal(ChunkResult.WrongOffset(123_457), await SendAsync(session, 0, 200_000));
        Assert.Equal(ChunkResult.Finished(300_000), await SendAsync(session, 123_457, 300_000));

        var stored = await Service<ImageService>().GetAsync(alice, image.Id);
        Assert.Equal(ImageStatus.Active, stored.Status);
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(_file)), stored.OsHashValue);
    }

    [Fact]
    public async Task Only_the_user_and_project_that_began_an_upload_find_it()
    {
        var (alice, image) = await QueuedImageAsync();
        var sessions = Sessions();
        var session = await sessions.BeginAsync(alice, image.Id, _file.Length);

        Assert.Same(session, sessions.Find(session.Id, alice));
        Assert.Null(sessions.Find(session.Id, new CallerContext("bob", "demo-a", ["member", "reader"])));
        Assert.Null(sessions.Find(session.Id, new CallerContext("alice", "demo-b", ["member", "reader"])));
        Assert.Null(sessions.Find("no-such-upload", alice));
        // The cancelled upload cleans up after itself before the test's folder goes.
        session.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Completion);
    }

    [Fact]
    public async Task More_bytes_than_announced_stop_the_upload_and_leave_the_image_queued_without_data()
    {
        var (alice, image) = await QueuedImageAsync();
        var session = await Sessions().BeginAsync(alice, image.Id, 1000);

        Assert.Equal(ChunkOutcome.TooLong, (await SendAsync(session, 0, 5000)).Outcome);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Completion);

        var stored = await Service<ImageService>().GetAsync(alice, image.Id);
        Assert.Equal(ImageStatus.Queued, stored.Status);
        Assert.Null(stored.Checksum);
    }

    [Fact]
    public async Task Cancel_puts_the_image_back_to_queued_and_later_chunks_hear_it_ended()
    {
        var (alice, image) = await QueuedImageAsync();
        var session = await Sessions().BeginAsync(alice, image.Id, _file.Length);
        await SendAsync(session, 0, 100_000);

        session.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Completion);

        Assert.Equal(ChunkOutcome.Ended, (await SendAsync(session, 100_000, 200_000)).Outcome);
        Assert.Equal(ImageStatus.Queued, (await Service<ImageService>().GetAsync(alice, image.Id)).Status);
    }

    [Fact]
    public async Task A_refused_upload_is_refused_when_the_session_begins()
    {
        var (alice, image) = await QueuedImageAsync();
        var bob = new CallerContext("bob", "demo-b", ["member", "reader"]);

        await Assert.ThrowsAnyAsync<GlanceException>(() => Sessions().BeginAsync(bob, image.Id, _file.Length));
        Assert.Equal(ImageStatus.Queued, (await Service<ImageService>().GetAsync(alice, image.Id)).Status);
    }

    [Fact]
    public async Task An_empty_file_is_stored_when_the_session_begins()
    {
        var (alice, image) = await QueuedImageAsync();
        var session = await Sessions().BeginAsync(alice, image.Id, 0);

        await session.Completion;
        var stored = await Service<ImageService>().GetAsync(alice, image.Id);
        Assert.Equal((ImageStatus.Active, 0L), (stored.Status, stored.Size));
    }

    [Fact]
    public async Task A_user_with_eight_uploads_running_is_asked_to_wait_for_one()
    {
        var alice = SignIn("alice", "demo-a", "member", "reader");
        var sessions = Sessions();
        var running = new List<UploadSession>();
        for (var i = 0; i < UploadSessions.PerUserLimit; i++)
        {
            var image = await Service<ImageService>().CreateAsync(alice, new NewImage { Name = $"u{i}", DiskFormat = "raw", ContainerFormat = "bare" });
            running.Add(await sessions.BeginAsync(alice, image.Id, 10));
        }
        var ninth = await Service<ImageService>().CreateAsync(alice, new NewImage { Name = "u9", DiskFormat = "raw", ContainerFormat = "bare" });

        await Assert.ThrowsAsync<TooManyUploadsException>(() => sessions.BeginAsync(alice, ninth.Id, 10));
        Assert.Equal(ImageStatus.Queued, (await Service<ImageService>().GetAsync(alice, ninth.Id)).Status);
        running.ForEach(s => s.Cancel());
    }

    /// <summary>A request body whose connection drops after <c>after</c> bytes.</summary>
    private sealed class CutOffStream(byte[] data, int after) : MemoryStream(data)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var left = after - (int)Position;
            if (left <= 0)
            {
                throw new IOException("The client reset the request stream.");
            }
            return await base.ReadAsync(buffer[..Math.Min(buffer.Length, left)], cancellationToken);
        }
    }
}
