using System.Buffers.Binary;

namespace PressConference.Api.Passes;

/// <summary>What a pass token says, and nothing about the person: see docs/pass-format.md.</summary>
public sealed record PassTokenPayload(ushort KeyId, Guid PassId, Guid BriefingId, Guid? RemotePointId, DateTime ValidFrom, DateTime ValidUntil);

/// <summary>
/// The binary layout of a pass token, version 1: a 59-byte payload followed by a 64-byte ECDSA P-256 signature
/// (IEEE P1363 r||s over the payload with SHA-256), the 123 bytes Base45-encoded (185 characters).
/// </summary>
public static class PassTokenFormat
{
    public const byte Version = 1;
    public const int PayloadLength = 59;
    public const int SignatureLength = 64;
    public const int TokenLength = PayloadLength + SignatureLength;

    public static int TokenCharacters => Base45.EncodedLength(TokenLength);

    public static byte[] WritePayload(PassTokenPayload payload)
    {
        var bytes = new byte[PayloadLength];
        var span = bytes.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteUInt16BigEndian(span[1..], payload.KeyId);
        payload.PassId.TryWriteBytes(span[3..19], bigEndian: true, out _);
        payload.BriefingId.TryWriteBytes(span[19..35], bigEndian: true, out _);
        (payload.RemotePointId ?? Guid.Empty).TryWriteBytes(span[35..51], bigEndian: true, out _);
        BinaryPrimitives.WriteUInt32BigEndian(span[51..], FloorMinutes(payload.ValidFrom));
        BinaryPrimitives.WriteUInt32BigEndian(span[55..], CeilingMinutes(payload.ValidUntil));
        return bytes;
    }

    /// <summary>
    /// Splits a token into payload and signature; false when it is not Base45, has the wrong length or an unknown
    /// version. The signature is not checked here.
    /// </summary>
    public static bool TryRead(string? token, out PassTokenPayload payload, out byte[] signed, out byte[] signature)
    {
        payload = null!;
        signed = [];
        signature = [];
        if (token is null || token.Length != TokenCharacters || !Base45.TryDecode(token, out var bytes)
            || bytes.Length != TokenLength || bytes[0] != Version)
        {
            return false;
        }

        var span = bytes.AsSpan();
        var from = BinaryPrimitives.ReadUInt32BigEndian(span[51..]);
        var until = BinaryPrimitives.ReadUInt32BigEndian(span[55..]);
        if (until < from)
        {
            return false;
        }

        var location = new Guid(span[35..51], bigEndian: true);
        payload = new PassTokenPayload(BinaryPrimitives.ReadUInt16BigEndian(span[1..]), new Guid(span[3..19], bigEndian: true),
            new Guid(span[19..35], bigEndian: true), location == Guid.Empty ? null : location, FromMinutes(from), FromMinutes(until));
        signed = bytes[..PayloadLength];
        signature = bytes[PayloadLength..];
        return true;
    }

    public static string Compose(byte[] payload, byte[] signature) => Base45.Encode([.. payload, .. signature]);

    private static uint FloorMinutes(DateTime utc) => checked((uint)Math.Floor(UnixSeconds(utc) / 60));

    private static uint CeilingMinutes(DateTime utc) => checked((uint)Math.Ceiling(UnixSeconds(utc) / 60));

    private static double UnixSeconds(DateTime utc) => (DateTime.SpecifyKind(utc, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalSeconds;

    private static DateTime FromMinutes(uint minutes) => DateTime.UnixEpoch.AddMinutes(minutes);
}
