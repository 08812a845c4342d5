using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Glance.Portal.DevIdentity;

/// <summary>
/// The development provider's signing key, kept in the data folder (readable by its owner only), so
/// that tokens stay valid when the portal restarts. Made on the first start; a development key only,
/// never for production, where an external provider signs.
/// </summary>
internal static class DevIdentitySigningKey
{
    public const string FileName = "dev-identity-signing-key.pem";

    public static SigningCredentials LoadOrCreate(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            var pem = rsa.ExportPkcs8PrivateKeyPem();
            var temporary = path + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var file = new FileStream(temporary, options))
            using (var writer = new StreamWriter(file))
            {
                writer.Write(pem);
            }
            File.Move(temporary, path, overwrite: false);
        }
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return new SigningCredentials(key, SecurityAlgorithms.RsaSha256);
    }
}
