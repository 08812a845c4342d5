namespace Glance.Stores.S3;

/// <summary>
/// The buckets the configured S3 stores use. Two stores on one bucket would share keys (an image's id),
/// so removing one store's copy would remove the other's; such settings stop start-up instead.
/// </summary>
internal sealed class S3Buckets
{
    private readonly Dictionary<(string Endpoint, string Bucket), string> _owners = [];

    public void Claim(string id, string endpoint, string bucket)
    {
        var key = (new Uri(endpoint).GetLeftPart(UriPartial.Authority).ToLowerInvariant(), bucket);
        lock (_owners)
        {
            if (_owners.TryGetValue(key, out var other) && other != id)
            {
                throw new InvalidOperationException(
                    $"Glance:Stores:Backends:{id}:Bucket: bucket '{bucket}' at {endpoint} is also the bucket of store '{other}'; each S3 store needs a bucket of its own.");
            }
            _owners[key] = id;
        }
    }
}
