using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace PressConference.Api.Passes;

public enum TokenCheck
{
    Valid,
    Malformed,
    UnknownKey,
    InvalidSignature,
}

/// <summary>A public key as the door page imports it with WebCrypto (JWK, RFC 7517/7518) plus its SPKI form.</summary>
public sealed record PassPublicKey(string Kty, string Crv, string X, string Y, string Kid, string Alg, string Use, string Spki, DateTime CreatedAt);

/// <summary>
/// The signing keys, read from the database (so every host and every restart sees the same ones) and kept in memory
/// once unprotected. A key unknown to this host is looked up again, so a rotation on another host is seen at once.
/// </summary>
public sealed class PassKeyRing(IDataProtectionProvider dataProtection) : IDisposable
{
    private const string Purpose = "PressConference.Passes.SigningKey.v1";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);
    private readonly ConcurrentDictionary<int, Material> _keys = new();

    /// <summary>Creates the first key when there is none (first start).</summary>
    public async Task EnsureKeyAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        if (!await db.PassSigningKeys.AnyAsync(ct))
        {
            await AddKeyAsync(db, now, null, ct);
        }
    }

    /// <summary>Adds a key with the next id; new passes are signed with it from now on.</summary>
    public async Task<PassSigningKey> RotateAsync(AppDbContext db, DateTime now, string? by, CancellationToken ct) =>
        await AddKeyAsync(db, now, by, ct);

    public async Task<string> SignAsync(AppDbContext db, Guid passId, Guid briefingId, Guid? remotePointId, DateTime validFrom,
        DateTime validUntil, CancellationToken ct)
    {
        var kid = await db.PassSigningKeys.MaxAsync(k => (int?)k.Id, ct)
            ?? throw new InvalidOperationException("No pass signing key: the start-up did not create one.");
        var key = await FindAsync(db, kid, ct) ?? throw new InvalidOperationException($"Pass signing key {kid} vanished.");
        var payload = PassTokenFormat.WritePayload((ushort)kid, passId, briefingId, remotePointId, validFrom, validUntil);
        return PassTokenFormat.Compose(payload, key.Signer.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    /// <summary>Checks format, key and signature; the pass's state (revoked, window, place) is the scanner's business.</summary>
    public async Task<(TokenCheck Check, PassTokenPayload? Payload)> VerifyAsync(AppDbContext db, string? token, CancellationToken ct)
    {
        if (!PassTokenFormat.TryRead(token?.Trim('\r', '\n'), out var payload, out var signed, out var signature))
        {
            return (TokenCheck.Malformed, null);
        }

        var key = payload.KeyId == 0 ? null : await FindAsync(db, payload.KeyId, ct);
        if (key is null)
        {
            return (TokenCheck.UnknownKey, null);
        }

        return key.Verifier.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? (TokenCheck.Valid, payload)
            : (TokenCheck.InvalidSignature, null);
    }

    public async Task<List<PassPublicKey>> PublicKeysAsync(AppDbContext db, CancellationToken ct)
    {
        var keys = await db.PassSigningKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct);
        return keys.Select(ToPublic).ToList();
    }

    public static PassPublicKey ToPublic(PassSigningKey key)
    {
        using var ecdsa = ECDsa.Create(PublicParameters(key));
        return new PassPublicKey("EC", "P-256", Base64Url(key.PublicX), Base64Url(key.PublicY), key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "ES256", "sig", Convert.ToBase64String(ecdsa.ExportSubjectPublicKeyInfo()), key.CreatedAt);
    }

    private async Task<PassSigningKey> AddKeyAsync(AppDbContext db, DateTime now, string? by, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var kid = (await db.PassSigningKeys.MaxAsync(k => (int?)k.Id, ct) ?? 0) + 1;
            while (kid <= ushort.MaxValue && !PassTokenFormat.IsTrimSafe(kid))
            {
                // Door software may trim what a scanner typed: no token may begin with a space.
                kid++;
            }

            if (kid > ushort.MaxValue)
            {
                throw new InvalidOperationException("All 65535 pass key ids are used.");
            }

            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
            var key = new PassSigningKey
            {
                Id = kid,
                PublicX = parameters.Q.X!,
                PublicY = parameters.Q.Y!,
                ProtectedPrivateKey = Convert.ToBase64String(_protector.Protect(ecdsa.ExportPkcs8PrivateKey())),
                CreatedAt = now,
                CreatedBy = by,
            };
            db.PassSigningKeys.Add(key);
            try
            {
                await db.SaveChangesAsync(ct);
                return key;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another host took this id at the same moment: take the next one.
                db.Entry(key).State = EntityState.Detached;
            }
        }
    }

    public void Dispose()
    {
        foreach (var material in _keys.Values)
        {
            material.Dispose();
        }
    }

    private async Task<Material?> FindAsync(AppDbContext db, int kid, CancellationToken ct)
    {
        if (_keys.TryGetValue(kid, out var known))
        {
            return known;
        }

        var key = await db.PassSigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == kid, ct);
        if (key is null)
        {
            return null;
        }

        var protectedKey = Convert.FromBase64String(key.ProtectedPrivateKey);
        return _keys.GetOrAdd(kid, new Material(PublicParameters(key), new Lazy<byte[]>(() => _protector.Unprotect(protectedKey))));
    }

    private static ECParameters PublicParameters(PassSigningKey key) =>
        new() { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = key.PublicX, Y = key.PublicY } };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// A key ready to use. Importing a key costs more than the signature itself (docs/benchmarks.md), so each thread keeps
    /// its own imported ECDsa (instances are not documented as thread-safe; no await runs between taking and using one).
    /// The private key is unprotected only when this host first signs with it.
    /// </summary>
    private sealed class Material(ECParameters publicKey, Lazy<byte[]> privateKey) : IDisposable
    {
        private readonly ThreadLocal<ECDsa> _verifier = new(() => ECDsa.Create(publicKey), trackAllValues: true);

        private readonly ThreadLocal<ECDsa> _signer = new(() =>
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(privateKey.Value, out _);
            return ecdsa;
        }, trackAllValues: true);

        public ECDsa Verifier => _verifier.Value!;

        public ECDsa Signer => _signer.Value!;

        public void Dispose()
        {
            foreach (var ecdsa in _verifier.Values.Concat(_signer.Values))
            {
                ecdsa.Dispose();
            }

            _verifier.Dispose();
            _signer.Dispose();
        }
    }
}
