using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PressConference.Api.Data;
using PressConference.Api.Passes;

namespace PressConference.Benchmarks;

/// <summary>
/// The door's hot path without HTTP: reading a scanned token (Base45 + layout), checking its ECDSA P-256 signature,
/// and signing a new one, through <see cref="PassKeyRing"/> exactly as the service calls it (key cached in memory,
/// an in-memory SQLite database behind it), plus the pieces alone to show where the time goes.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet derives from benchmark classes (not sealed) and calls [GlobalCleanup].")]
public class PassTokenBenchmarks
{
    private SqliteConnection _connection = null!;
    private AppDbContext _db = null!;
    private PassKeyRing _keys = null!;
    private string _token = null!;
    private string _tampered = null!;
    private byte[] _payload = null!;
    private byte[] _signature = null!;
    private ECParameters _public;
    private ECDsa _cachedVerifier = null!;
    private ECDsa _cachedSigner = null!;
    private readonly Guid _passId = Guid.CreateVersion7();
    private readonly Guid _briefingId = Guid.CreateVersion7();
    private readonly DateTime _from = new(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
    private readonly DateTime _until = new(2026, 12, 1, 4, 30, 0, DateTimeKind.Utc);

    [GlobalSetup]
    public void Setup()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        _db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_connection).Options);
        _db.Database.EnsureCreated();
        _keys = new PassKeyRing(new EphemeralDataProtectionProvider());
        _keys.EnsureKeyAsync(_db, DateTime.UtcNow, CancellationToken.None).GetAwaiter().GetResult();
        _token = _keys.SignAsync(_db, _passId, _briefingId, null, _from, _until, CancellationToken.None).GetAwaiter().GetResult();
        // Warm the key cache as a running host has it after its first scan.
        var (check, _) = _keys.VerifyAsync(_db, _token, CancellationToken.None).GetAwaiter().GetResult();
        if (check != TokenCheck.Valid)
        {
            throw new InvalidOperationException($"set-up token does not verify: {check}");
        }

        // Same length and alphabet, one signature character changed: parses, fails the signature check.
        var chars = _token.ToCharArray();
        chars[^3] = chars[^3] == '0' ? '1' : '0';
        _tampered = new string(chars);

        PassTokenFormat.TryRead(_token, out _, out _payload, out _signature);
        var key = _db.PassSigningKeys.AsNoTracking().Single();
        _public = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = key.PublicX, Y = key.PublicY } };
        _cachedVerifier = ECDsa.Create(_public);
        _cachedSigner = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cachedVerifier.Dispose();
        _cachedSigner.Dispose();
        _db.Dispose();
        _connection.Dispose();
    }

    [Benchmark(Description = "Verify token: PassKeyRing.VerifyAsync (parse + ECDSA, as a door scan)")]
    public async Task<TokenCheck> VerifyToken() => (await _keys.VerifyAsync(_db, _token, CancellationToken.None)).Check;

    [Benchmark(Description = "Verify tampered token (parse + ECDSA, refused)")]
    public async Task<TokenCheck> VerifyTamperedToken() => (await _keys.VerifyAsync(_db, _tampered, CancellationToken.None)).Check;

    [Benchmark(Description = "Parse token only: PassTokenFormat.TryRead (Base45 + layout)")]
    public bool ParseToken() => PassTokenFormat.TryRead(_token, out _, out _, out _);

    [Benchmark(Description = "ECDSA verify, key object imported per call (as VerifyAsync does)")]
    public bool EcdsaVerifyImportPerCall()
    {
        using var ecdsa = ECDsa.Create(_public);
        return ecdsa.VerifyData(_payload, _signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    [Benchmark(Description = "ECDSA verify, key object kept")]
    public bool EcdsaVerifyCachedKey() =>
        _cachedVerifier.VerifyData(_payload, _signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    [Benchmark(Description = "Sign token: PassKeyRing.SignAsync (key-id query + PKCS#8 import + ECDSA)")]
    public Task<string> SignToken() => _keys.SignAsync(_db, _passId, _briefingId, null, _from, _until, CancellationToken.None);

    [Benchmark(Description = "Sign token, crypto only (key object kept)")]
    public string SignTokenCryptoOnly()
    {
        var payload = PassTokenFormat.WritePayload(1, _passId, _briefingId, null, _from, _until);
        return PassTokenFormat.Compose(payload,
            _cachedSigner.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }
}

/// <summary>Base45 (RFC 9285) of a pass token's 115 bytes, both ways.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class Base45Benchmarks
{
    private byte[] _bytes = null!;
    private string _text = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = new byte[PassTokenFormat.TokenLength];
        new Random(45).NextBytes(_bytes);
        _text = Base45.Encode(_bytes);
    }

    [Benchmark(Description = "Base45 encode 115 bytes")]
    public string Encode() => Base45.Encode(_bytes);

    [Benchmark(Description = "Base45 decode 173 chars")]
    public bool Decode() => Base45.TryDecode(_text, out _);
}

/// <summary>The pass's QR code as pass.png and pass.svg serve it (10 pixels a module, the default).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PassQrBenchmarks
{
    private string _token = null!;

    [Params(10)]
    public int PixelsPerModule { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var bytes = new byte[PassTokenFormat.TokenLength];
        new Random(7).NextBytes(bytes);
        bytes[0] = PassTokenFormat.Version;
        _token = Base45.Encode(bytes);
    }

    [Benchmark(Description = "QR PNG render (PassQr.Png)")]
    public byte[] Png() => PassQr.Png(_token, PixelsPerModule);

    [Benchmark(Description = "QR SVG render (PassQr.Svg)")]
    public string Svg() => PassQr.Svg(_token, PixelsPerModule);
}
