namespace Glance.Stores.S3;

/// <summary>
/// An S3 store: <c>Glance:Stores:Backends:{id}</c> with <c>Type</c> <c>s3</c> (Glance's <c>s3_store_*</c>
/// options). Keys belong in the environment or a secret store, never in a committed settings file.
/// </summary>
public sealed class S3StoreOptions
{
    /// <summary>The service's address, e.g. <c>http://rgw.example:8080</c> (Glance's <c>s3_store_host</c>).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The bucket holding the images' objects, one per image, named by the image id.</summary>
    public string? Bucket { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>The region requests are signed for; most S3 services other than AWS accept any.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Create the bucket when it is missing (Glance's <c>s3_store_create_bucket_on_put</c>, off by default).</summary>
    public bool CreateBucket { get; set; }

    /// <summary>
    /// Data larger than one part goes up as a multipart upload in parts of this many MiB (Glance's
    /// <c>s3_store_large_object_chunk_size</c>, 10 by default; S3 needs at least 5).
    /// </summary>
    public int ChunkSizeMiB { get; set; } = 10;
}
