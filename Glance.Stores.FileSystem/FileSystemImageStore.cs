using Glance.Domain.Common;
using Glance.Domain.ImageData;
using Microsoft.Win32.SafeHandles;

namespace Glance.Stores.FileSystem;

/// <summary>
/// Keeps each image's data as one file under <c>{DataDirectory}/images</c>. Uploads go to
/// <c>images/.incoming</c> and are renamed into place only when complete, so a reader never sees half
/// an image and a failed upload leaves nothing behind.
/// </summary>
public sealed class FileSystemImageStore : IImageStore
{
    private const string Scheme = "file:";
    private const int HealthProbeBytes = 4096;

    /// <param name="id">The store's id (Glance's backend name).</param>
    /// <param name="root">The folder that holds the images' files.</param>
    public FileSystemImageStore(string id, string root)
    {
        Id = id;
        Root = Path.GetFullPath(root);
        Incoming = Path.Combine(Root, ".incoming");
        Directory.CreateDirectory(Incoming);
    }

    public string Id { get; }

    public string Type => "file";

    public StoreCapabilities Capabilities => StoreCapabilities.ReadWriteDelete;

    /// <summary>As Glance's file store reports them; the data arrives in the hasher's chunks, and files are never sparse.</summary>
    public IReadOnlyDictionary<string, object?> Properties => new Dictionary<string, object?>
    {
        ["data_dir"] = Root,
        ["chunk_size"] = ImageHasher.ChunkSize,
        ["thin_provisioning"] = false,
    };

    public string Root { get; }

    public string Incoming { get; }

    public Task<IImageStoreWriter> BeginWriteAsync(string imageId, long? expectedSize, CancellationToken ct)
    {
        if (expectedSize is { } size && size > new DriveInfo(Root).AvailableFreeSpace)
        {
            throw StorageFull();
        }
        var temp = Path.Combine(Incoming, $"{imageId}.{Guid.NewGuid():N}.part");
        try
        {
            // Reserving the whole size up front makes a full disk fail now rather than halfway through.
            var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, expectedSize ?? 0);
            return Task.FromResult<IImageStoreWriter>(new Writer(this, imageId, temp, handle));
        }
        catch (IOException ex) when (DiskFull(ex) || expectedSize > new DriveInfo(Root).AvailableFreeSpace)
        {
            File.Delete(temp);
            throw StorageFull();
        }
    }

    public Task<Stream> OpenReadAsync(string location, long offset, long? length, CancellationToken ct)
    {
        var stream = new FileStream(PathOf(location), new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read | FileShare.Delete,
            Options = FileOptions.SequentialScan,
            BufferSize = 0,
        });
        stream.Seek(offset, SeekOrigin.Begin);
        return Task.FromResult<Stream>(length is { } bounded ? new BoundedReadStream(stream, bounded) : stream);
    }

    public Task DeleteAsync(string location, CancellationToken ct)
    {
        File.Delete(PathOf(location));
        return Task.CompletedTask;
    }

    public Task<bool> IsHealthyAsync(CancellationToken ct)
    {
        try
        {
            // Some bytes, not an empty file: a full disk still makes empty files.
            var probe = Path.Combine(Incoming, $".health.{Guid.NewGuid():N}");
            try
            {
                File.WriteAllBytes(probe, new byte[HealthProbeBytes]);
            }
            finally
            {
                File.Delete(probe);
            }
            return Task.FromResult(true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(false);
        }
    }

    /// <summary>Removes uploads that a crash or a kill left half-written.</summary>
    public Task RemoveLeftoversAsync(CancellationToken ct)
    {
        foreach (var file in Directory.EnumerateFiles(Incoming))
        {
            File.Delete(file);
        }
        return Task.CompletedTask;
    }

    private string PathOf(string location)
    {
        if (!location.StartsWith(Scheme, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Location '{location}' does not belong to the filesystem store.");
        }
        var name = location[Scheme.Length..];
        // Locations are written by this store only, but never let one escape the root.
        if (name.Length == 0 || name.Contains('/') || name.Contains('\\') || name.StartsWith('.'))
        {
            throw new InvalidOperationException($"Location '{location}' is not a file of this store.");
        }
        return Path.Combine(Root, name);
    }

    private static QuotaExceededException StorageFull() =>
        new("Image storage media is full: there is not enough room for this image.");

    internal static bool DiskFull(IOException ex) =>
        // ENOSPC (28) and EDQUOT (122) on Linux; ERROR_DISK_FULL/ERROR_HANDLE_DISK_FULL on Windows.
        (ex.HResult & 0xFFFF) is 28 or 122 or 112 or 39;

    private sealed class Writer : IImageStoreWriter
    {
        private readonly FileSystemImageStore _store;
        private readonly string _imageId;
        private readonly string _temp;
        private readonly SafeFileHandle _handle;
        private bool _direct;
        private long _written;
        private bool _committed;

        public Writer(FileSystemImageStore store, string imageId, string temp, SafeFileHandle handle)
        {
            _store = store;
            _imageId = imageId;
            _temp = temp;
            _handle = handle;
            _direct = DirectIo.TryEnable(handle);
        }

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
        {
            try
            {
                if (_direct && !TryWriteDirect(data))
                {
                    // An unaligned piece (the last, short chunk): the rest goes through the page cache.
                    DirectIo.Disable(_handle);
                    _direct = false;
                }
                if (!_direct)
                {
                    await RandomAccess.WriteAsync(_handle, data, _written, ct);
                }
            }
            catch (IOException ex) when (DiskFull(ex))
            {
                throw StorageFull();
            }
            _written += data.Length;
        }

        private bool TryWriteDirect(ReadOnlyMemory<byte> data)
        {
            using var pinned = new MemoryHandleScope(data);
            if (!DirectIo.IsAligned(data, _written, pinned))
            {
                return false;
            }
            RandomAccess.Write(_handle, data.Span, _written);
            return true;
        }

        public Task<StoredData> CommitAsync(CancellationToken ct)
        {
            // A preallocated file may be longer than what arrived.
            RandomAccess.SetLength(_handle, _written);
            RandomAccess.FlushToDisk(_handle);
            _handle.Dispose();
            File.Move(_temp, Path.Combine(_store.Root, _imageId), overwrite: true);
            _committed = true;
            return Task.FromResult(new StoredData(Scheme + _imageId, new Dictionary<string, string>()));
        }

        public Task AbortAsync(CancellationToken ct)
        {
            _handle.Dispose();
            File.Delete(_temp);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            _handle.Dispose();
            if (!_committed)
            {
                File.Delete(_temp);
            }
            return ValueTask.CompletedTask;
        }
    }
}
