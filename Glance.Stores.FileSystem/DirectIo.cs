using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Glance.Stores.FileSystem;

/// <summary>
/// Linux direct I/O (<c>O_DIRECT</c>) for image files: large writes go from our buffers to the disk
/// without being copied into the page cache first. On this kind of machine that copy into fresh cache
/// pages costs about as much CPU as one of the upload's two hashes, so it decides upload speed.
/// Writes must then be aligned (address, offset and length) to <see cref="Alignment"/>.
/// </summary>
internal static partial class DirectIo
{
    public const int Alignment = Glance.Domain.ImageData.AlignedChunkPool.Alignment;

    private const int GetFlags = 3;
    private const int SetFlags = 4;

    /// <summary>Switches direct I/O on for an open file; false where the OS or filesystem does not offer it.</summary>
    public static bool TryEnable(SafeFileHandle handle) => Set(handle, on: true);

    public static void Disable(SafeFileHandle handle) => Set(handle, on: false);

    public static unsafe bool IsAligned(ReadOnlyMemory<byte> data, long offset, MemoryHandleScope pinned) =>
        offset % Alignment == 0 && data.Length % Alignment == 0 && ((nint)pinned.Handle.Pointer & (Alignment - 1)) == 0;

    /// <summary>O_DIRECT's value differs between architectures (asm-generic vs x86).</summary>
    private static int DirectFlag => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x4000,
        Architecture.Arm64 or Architecture.Arm => 0x10000,
        _ => 0,
    };

    private static bool Set(SafeFileHandle handle, bool on)
    {
        if (!OperatingSystem.IsLinux() || DirectFlag == 0)
        {
            return false;
        }
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var fd = (int)handle.DangerousGetHandle();
            var flags = Fcntl(fd, GetFlags, 0);
            if (flags < 0)
            {
                return false;
            }
            return Fcntl(fd, SetFlags, on ? flags | DirectFlag : flags & ~DirectFlag) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);
}

/// <summary>Keeps memory pinned while a direct write runs and exposes its address for the alignment check.</summary>
internal readonly struct MemoryHandleScope(ReadOnlyMemory<byte> data) : IDisposable
{
    public System.Buffers.MemoryHandle Handle { get; } = data.Pin();

    public void Dispose() => Handle.Dispose();
}
