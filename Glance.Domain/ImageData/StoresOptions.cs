namespace Glance.Domain.ImageData;

/// <summary>
/// <c>Glance:Stores</c>: Glance's <c>enabled_backends</c> and <c>default_backend</c>. With no backends
/// there is one filesystem store (id <c>file</c>) under the data folder, and with one the API behaves as
/// Glance with a single store; from two on it is Glance's multi-store API (<c>stores</c>, <c>/v2/info/stores</c>, …).
/// </summary>
public sealed class StoresOptions
{
    public const string SectionName = "Glance:Stores";

    /// <summary>The prefix Glance keeps for its own stores (staging, tasks), never a configured one.</summary>
    public const string ReservedPrefix = "os_glance_";

    /// <summary>The store an upload goes to when it names none; the first backend when not set.</summary>
    public string? Default { get; set; }

    /// <summary>Each backend by its id.</summary>
    public Dictionary<string, StoreBackendOptions> Backends { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One backend: <c>Glance:Stores:Backends:{id}</c>.</summary>
public sealed class StoreBackendOptions
{
    /// <summary><c>filesystem</c>, <c>s3</c>, <c>swift</c> or <c>http</c> (read-only); the types a build supports are named when another is asked for.</summary>
    public string? Type { get; set; }

    /// <summary>What <c>/v2/info/stores</c> tells users about the store (Glance's <c>store_description</c>).</summary>
    public string? Description { get; set; }

    /// <summary>A filesystem store's folder; a relative one is taken under the data folder. (An s3 store's settings: Glance.Stores.S3.S3StoreOptions; a swift store's: Glance.Stores.Swift.SwiftStoreOptions; an http store's: Glance.Stores.Http.HttpStoreOptions.)</summary>
    public string? Path { get; set; }
}
