using System.Buffers.Binary;

namespace PressConference.Api.Passes;

/// <summary>
/// What a pass token says, and nothing about the person: see docs/pass-format.md. The location is an 8-byte tag: the
/// last 8 bytes of the remote point's id, or 0 for the main venue.
/// </summary>
public sealed record PassTokenPayload(ushort KeyId, Guid PassId, Guid BriefingId, ulong LocationTag, DateTime ValidFrom, DateTime ValidUntil)
{
    public bool IsFor(Guid? remotePointId) => LocationTag == PassTokenFormat.LocationTagOf(remotePointId);
}

/// <summary>
/// The binary layout of a pass token, version 1: a 51-byte payload followed by a 64-byte ECDSA P-256 signature
/// (IEEE P1363 r||s over the payload with SHA-256); the 115 bytes Base45-encoded are 173 characters, which a QR code
/// holds at version 7, error correction M, in alphanumeric mode (at most 178 characters).
/// </summary>
public static class PassTokenFormat
{
    public const byte Version = 1;
    public const int PayloadLength = 51;
    public const int SignatureLength = 64;
    public const int TokenLength = PayloadLength + SignatureLength;

    private static readonly uint MaxMinutes = (uint)(DateTime.MaxValue - DateTime.UnixEpoch).TotalMinutes;

    public static int TokenCharacters => Base45.EncodedLength(TokenLength);

    /// <summary>
    /// The last 8 bytes of a remote point's id (RFC 4122 byte order) as a big-endian number; the main venue is 0, which
    /// no real id gives (its variant bits are never all zero).
    /// </summary>
    public static ulong LocationTagOf(Guid? remotePointId)
    {
        if (remotePointId is not { } id)
        {
            return 0;
        }

        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
    }

    /// <summary>
    /// Whether tokens signed with this key id can be trimmed safely: the first character depends only on the version
    /// and the key id's high byte, and the last one encodes the odd last byte alone (0–5), so when the first is not a
    /// space no token of this key begins or ends with one.
    /// </summary>
    public static bool IsTrimSafe(int keyId) => keyId is > 0 and <= ushort.MaxValue && (Version * 256 + (keyId >> 8)) % 45 != 36;

    public static byte[] WritePayload(ushort keyId, Guid passId, Guid briefingId, Guid? remotePointId, DateTime validFrom, DateTime validUntil) =>
        WritePayload(new PassTokenPayload(keyId, passId, briefingId, LocationTagOf(remotePointId), validFrom, validUntil));

    public static byte[] WritePayload(PassTokenPayload payload)
    {
        var bytes = new byte[PayloadLength];
        var span = bytes.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteUInt16BigEndian(span[1..], payload.KeyId);
        payload.PassId.TryWriteBytes(span[3..19], bigEndian: true, out _);
        payload.BriefingId.TryWriteBytes(span[19..35], bigEndian: true, out _);
        BinaryPrimitives.WriteUInt64BigEndian(span[35..], payload.LocationTag);
        BinaryPrimitives.WriteUInt32BigEndian(span[43..], FloorMinutes(payload.ValidFrom));
        BinaryPrimitives.WriteUInt32BigEndian(span[47..], CeilingMinutes(payload.ValidUntil));
        return bytes;
    }

    /// <summary>
    /// Splits a token into payload and signature; false when it is not Base45, has the wrong length or an unknown
    /// version, or a window that ends before it starts. The signature is not checked here.
    /// </summary>
    public static bool TryRead(string? token, out PassTokenPayload payload, out byte[] signedBytes, out byte[] signature)
    {
        payload = null!;
        signedBytes = [];
        signature = [];
        if (token is null || token.Length != TokenCharacters || !Base45.TryDecode(token, out var bytes)
            || bytes.Length != TokenLength || bytes[0] != Version)
        {
            return false;
        }

        var span = bytes.AsSpan();
        var from = BinaryPrimitives.ReadUInt32BigEndian(span[43..]);
        var until = BinaryPrimitives.ReadUInt32BigEndian(span[47..]);
        // A window that ends before it starts, or beyond what a DateTime holds (year 9999), was never written by us.
        if (until < from || until > MaxMinutes)
        {
            return false;
        }

        payload = new PassTokenPayload(BinaryPrimitives.ReadUInt16BigEndian(span[1..]), new Guid(span[3..19], bigEndian: true),
            new Guid(span[19..35], bigEndian: true), BinaryPrimitives.ReadUInt64BigEndian(span[35..]), FromMinutes(from), FromMinutes(until));
        signedBytes = bytes[..PayloadLength];
        signature = bytes[PayloadLength..];
        return true;
    }

    public static string Compose(byte[] payload, byte[] signature) => Base45.Encode([.. payload, .. signature]);

    private static uint FloorMinutes(DateTime utc) => checked((uint)Math.Floor(UnixSeconds(utc) / 60));

    private static uint CeilingMinutes(DateTime utc) => checked((uint)Math.Ceiling(UnixSeconds(utc) / 60));

    private static double UnixSeconds(DateTime utc) => (DateTime.SpecifyKind(utc, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalSeconds;

    private static DateTime FromMinutes(uint minutes) => DateTime.UnixEpoch.AddMinutes(minutes);
}
