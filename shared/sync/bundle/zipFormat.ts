/** Constants of the zip format (PKWARE APPNOTE.TXT) shared by the reader and the writer. */
export const LOCAL_HEADER_SIGNATURE = 0x04034b50;
export const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
export const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;

export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const END_OF_CENTRAL_DIRECTORY_SIZE = 22;
/** The end record may be followed by a comment of up to 65,535 bytes. */
export const MAX_COMMENT_SIZE = 0xffff;

export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;

export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const FLAG_UTF8_NAME = 0x0800;

/** Version 2.0: deflate, no zip64. */
export const ZIP_VERSION = 20;

/**
 * Every entry's modification time: 1980-01-01 00:00:00, the earliest MS-DOS time. Bundles carry
 * their creation time in the manifest; a fixed zip time is what makes a re-export byte-identical.
 */
export const FIXED_DOS_TIME = 0;
export const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Values zip64 uses to say "the real number is in the zip64 record": a bundle never needs them. */
export const ZIP64_MARKER_16 = 0xffff;
export const ZIP64_MARKER_32 = 0xffffffff;
