//! UNDOC PATCH: finishing a file with its non-stream objects packed into
//! compressed object streams (ISO 32000-1 §7.5.7) and a cross-reference
//! stream (§7.5.8). A tagged PDF holds thousands of small dictionaries
//! (structure elements, annotations, outline items); written one by one
//! they are stored uncompressed, so packing them makes the file about a
//! third smaller. See `UNDOC-PATCH.md`.

use std::io::Write;

use crate::buf::Buf;
use crate::object::{Name, Obj, Stream};
use crate::{Chunk, Filter, Finish, Pdf, Ref};

/// Where an object ends up: at a byte offset of the file, or as the
/// `index`th object of the object stream numbered `stream`.
#[derive(Clone, Copy)]
enum Place {
    Offset(usize),
    Packed { stream: i32, index: u16 },
}

/// The suffix of every stream object pdf-writer writes.
const STREAM_END: &[u8] = b"\nendstream\nendobj";

impl Pdf {
    /// Like [`Pdf::finish_with_xref_stream`], but first moves every object
    /// that is not a stream into object streams of at most `per_stream`
    /// objects, each compressed with `deflate` (zlib data for the
    /// `FlateDecode` filter), which also compresses the cross-reference
    /// stream. Streams stay where they are. Needs PDF 1.5 or later.
    pub fn finish_with_object_streams(
        self,
        per_stream: usize,
        mut deflate: impl FnMut(&[u8]) -> Vec<u8>,
    ) -> Vec<u8> {
        let Pdf { chunk, trailer_data } = self;
        let Chunk { buf, mut offsets, settings } = chunk;
        let bytes = buf.into_vec();
        offsets.sort_by_key(|&(_, offset)| offset);
        let header_end = offsets.first().map_or(bytes.len(), |&(_, offset)| offset);
        let mut out = Buf::with_capacity(bytes.len() / 2 + 1024);
        out.extend(&bytes[..header_end]);

        let mut places: Vec<(Ref, Place)> = Vec::with_capacity(offsets.len() + 16);
        let mut packable: Vec<(Ref, &[u8])> = Vec::with_capacity(offsets.len());
        for (i, &(id, start)) in offsets.iter().enumerate() {
            let end = offsets.get(i + 1).map_or(bytes.len(), |&(_, next)| next);
            let object = &bytes[start..end];
            match body_of(object) {
                Some(body) => packable.push((id, body)),
                None => {
                    places.push((id, Place::Offset(out.len())));
                    out.extend(object);
                }
            }
        }

        let mut next_id = offsets.iter().map(|(id, _)| id.get()).max().unwrap_or(0) + 1;
        for group in packable.chunks(per_stream.max(1)) {
            let stream_id = Ref::new(next_id);
            next_id += 1;
            let mut head = Vec::new();
            let mut data = Vec::new();
            for (index, (id, body)) in group.iter().enumerate() {
                write!(head, "{} {} ", id.get(), data.len()).unwrap();
                data.extend_from_slice(body);
                data.push(b'\n');
                let index = u16::try_from(index).expect("at most 65,535 objects a stream");
                places.push((*id, Place::Packed { stream: stream_id.get(), index }));
            }
            let first = head.len();
            head.extend_from_slice(&data);
            let compressed = deflate(&head);
            places.push((stream_id, Place::Offset(out.len())));
            let mut stream =
                Stream::start(Obj::indirect(&mut out, stream_id, settings), &compressed);
            stream.pair(Name(b"Type"), Name(b"ObjStm"));
            stream.pair(Name(b"N"), group.len() as i32);
            stream.pair(Name(b"First"), first as i32);
            stream.filter(Filter::FlateDecode);
            stream.finish();
        }

        let xref_id = Ref::new(next_id);
        let xref_offset = out.len();
        places.push((xref_id, Place::Offset(xref_offset)));
        places.sort_by_key(|(id, _)| id.get());
        let xref_len = next_id + 1;
        let width = field_width(xref_offset.max(next_id as usize));
        let entries = xref_entries(&places, xref_len, width);
        let compressed = deflate(&entries);

        let mut stream =
            Stream::start(Obj::indirect(&mut out, xref_id, settings), &compressed);
        stream.pair(Name(b"Type"), Name(b"XRef"));
        stream.filter(Filter::FlateDecode);
        trailer_data.write_into_dict(&mut stream, xref_len);
        stream.insert(Name(b"W")).array().item(1).item(width as i32).item(2);
        stream.finish();

        out.extend(b"startxref\n");
        write!(out.inner, "{xref_offset}").unwrap();
        out.extend(b"\n%%EOF");
        out.into_vec()
    }
}

/// The body of `object` (`N 0 obj\n` BODY `\nendobj\n…`) when it is not a
/// stream, which object streams cannot hold.
fn body_of(object: &[u8]) -> Option<&[u8]> {
    let trimmed = object.trim_ascii_end();
    if trimmed.ends_with(STREAM_END) {
        return None;
    }
    let body_start = object.iter().position(|&b| b == b'\n')? + 1;
    let body_end = trimmed.strip_suffix(b"\nendobj")?.len();
    (body_start <= body_end).then(|| &object[body_start..body_end])
}

/// The bytes for numbers up to `max`.
fn field_width(max: usize) -> u32 {
    (usize::BITS - max.leading_zeros()).div_ceil(8).max(1)
}

/// The cross-reference stream's entries for objects `0..len` (`places`
/// sorted by object number): `[type, field, generation or index]` in
/// 1, `width` and 2 bytes; numbers not in use are free, linked in order.
fn xref_entries(places: &[(Ref, Place)], len: i32, width: u32) -> Vec<u8> {
    let mut place_of = vec![None; len as usize];
    for &(id, place) in places {
        place_of[id.get() as usize] = Some(place);
    }
    let free: Vec<usize> = (1..len as usize).filter(|&i| place_of[i].is_none()).collect();
    let mut next_free = free.iter().copied().chain(std::iter::once(0));
    let mut entries = Vec::with_capacity(len as usize * (3 + width as usize));
    let mut entry = |kind: u8, field: usize, last: u16| {
        entries.push(kind);
        let field = (field as u64).to_be_bytes();
        entries.extend_from_slice(&field[field.len() - width as usize..]);
        entries.extend_from_slice(&last.to_be_bytes());
    };
    for (number, place) in place_of.iter().enumerate() {
        match place {
            None if number == 0 => entry(0, next_free.next().unwrap_or(0), 65535),
            None => entry(0, next_free.next().unwrap_or(0), 0),
            Some(Place::Offset(offset)) => entry(1, *offset, 0),
            Some(Place::Packed { stream, index }) => entry(2, *stream as usize, *index),
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_of_dictionaries_are_packed_and_streams_are_not() {
        let dict = b"3 0 obj\n<</Type /Page>>\nendobj\n\n";
        assert_eq!(body_of(dict), Some(&b"<</Type /Page>>"[..]));
        let stream = b"4 0 obj\n<</Length 3>>\nstream\nabc\nendstream\nendobj\n\n";
        assert_eq!(body_of(stream), None);
        // A name or string that merely mentions the word is not a stream.
        let named = b"5 0 obj\n<</S /endstream /T (endstream)>>\nendobj\n";
        assert!(body_of(named).is_some());
    }

    #[test]
    fn free_numbers_are_linked_and_packed_ones_name_their_stream() {
        let places = [
            (Ref::new(1), Place::Offset(15)),
            (Ref::new(3), Place::Packed { stream: 4, index: 0 }),
            (Ref::new(4), Place::Offset(300)),
        ];
        let entries = xref_entries(&places, 5, 2);
        let rows: Vec<&[u8]> = entries.chunks(5).collect();
        assert_eq!(rows[0], [0, 0, 2, 0xff, 0xff]); // head of the free list → 2
        assert_eq!(rows[1], [1, 0, 15, 0, 0]);
        assert_eq!(rows[2], [0, 0, 0, 0, 0]); // free, last of the list
        assert_eq!(rows[3], [2, 0, 4, 0, 0]);
        assert_eq!(rows[4], [1, 1, 44, 0, 0]);
    }
}
