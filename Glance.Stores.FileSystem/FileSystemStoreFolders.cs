namespace Glance.Stores.FileSystem;

/// <summary>
/// The folders the configured filesystem stores use. Two stores in one folder, or one inside the
/// other, would each take the other's files for leftovers of failed uploads and remove them at start,
/// so such settings stop start-up instead.
/// </summary>
internal sealed class FileSystemStoreFolders
{
    private readonly Dictionary<string, string> _folders = [];

    public string Claim(string id, string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        lock (_folders)
        {
            foreach (var (otherId, other) in _folders)
            {
                if (otherId != id && (Contains(full, other) || Contains(other, full)))
                {
                    var relation = full == other ? "is also the folder of" : Contains(full, other) ? "contains the folder of" : "is inside the folder of";
                    throw new InvalidOperationException(
                        $"Glance:Stores:Backends:{id}:Path: {full} {relation} store '{otherId}' ({other}); each filesystem store needs a folder of its own.");
                }
            }
            _folders[id] = full;
        }
        return full;
    }

    private static bool Contains(string outer, string inner) =>
        inner == outer || inner.StartsWith(outer + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
