namespace Glance.Stores.Swift;

/// <summary>
/// A Swift store: <c>Glance:Stores:Backends:{id}</c> with <c>Type</c> <c>swift</c> (Glance's
/// <c>swift_store_*</c> options), signing in with Swift's v1 authentication (tempauth, swauth). The key
/// belongs in the environment or a secret store, never in a committed settings file.
/// </summary>
public sealed class SwiftStoreOptions
{
    /// <summary>The v1 authentication address, e.g. <c>http://swift.example:8080/auth/v1.0</c> (Glance's <c>auth_address</c>).</summary>
    public string? AuthUrl { get; set; }

    /// <summary><c>account:user</c>.</summary>
    public string? User { get; set; }

    public string? Key { get; set; }

    /// <summary>The container holding the images' objects (Glance's <c>swift_store_container</c>).</summary>
    public string Container { get; set; } = "glance";

    /// <summary>Create the container when missing (Glance's <c>swift_store_create_container_on_put</c>).</summary>
    public bool CreateContainer { get; set; }

    /// <summary>
    /// Data of unknown size, or larger than this many MiB, is written in segments joined by a static
    /// large object manifest (Glance's <c>swift_store_large_object_size</c>, 5120; Swift's own limit
    /// for one object is 5 GiB).
    /// </summary>
    public int LargeObjectSizeMiB { get; set; } = 5120;

    /// <summary>The size of each segment, in MiB (Glance's <c>swift_store_large_object_chunk_size</c>, 200).</summary>
    public int SegmentSizeMiB { get; set; } = 200;
}
