//! This is an implementation of [`Reader`] for reading from a `&[u8]` as
//! underlying byte stream. This implementation supports not using an
//! intermediate buffer as the byte slice itself can be used to borrow from.

use std::io;

#[cfg(feature = "encoding")]
use crate::encoding::DetectedEncoding;
#[cfg(feature = "encoding")]
use crate::reader::EncodingRef;
#[cfg(feature = "encoding")]
use encoding_rs;

use crate::errors::{Error, Result};
use crate::events::{BytesText, Event};
use crate::name::QName;
use crate::parser::Parser;
use crate::reader::{BangType, ReadRefResult, ReadTextResult, Reader, Span, XmlSource};
use crate::utils::is_whitespace;

// UNDOC PATCH (UNDOC-PATCH.md): slices of a `&str` are not checked for
// UTF-8 again.
thread_local! {
    /// Where the input that `with_known_utf8` runs with lies (address,
    /// length); a length of 0: none.
    static KNOWN_UTF8: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((0, 0)) };
}

/// Runs `read`, during which the readers of this thread take any slice of
/// `input` that starts and ends on one of its character boundaries (every
/// event of a [`Reader::from_str`] over it) as `&str` without checking it for
/// UTF-8 again. Other bytes are checked as always.
pub fn with_known_utf8<T>(input: &str, read: impl FnOnce() -> T) -> T {
    /// Puts back what was known before, however `read` ends.
    struct Restore((usize, usize));
    impl Drop for Restore {
        fn drop(&mut self) {
            KNOWN_UTF8.with(|known| known.set(self.0));
        }
    }
    let span = (input.as_ptr() as usize, input.len());
    let _restore = Restore(KNOWN_UTF8.with(|known| known.replace(span)));
    read()
}

/// `bytes` as `&str`: unchecked when they lie in the input `with_known_utf8`
/// runs with, on its character boundaries; checked otherwise.
#[inline]
#[allow(unsafe_code)]
fn to_str(bytes: &[u8]) -> std::result::Result<&str, std::str::Utf8Error> {
    let (start, len) = KNOWN_UTF8.with(std::cell::Cell::get);
    let at = (bytes.as_ptr() as usize).wrapping_sub(start);
    if len != 0 && at <= len && bytes.len() <= len - at {
        // SAFETY: `with_known_utf8` holds the `&str` at `start` (`len` bytes)
        // borrowed while the address is registered, so those bytes are
        // alive, unchanged and valid UTF-8.
        let input = unsafe { std::slice::from_raw_parts(start as *const u8, len) };
        // Not a continuation byte (`0b10xx_xxxx`), or the end.
        let boundary = |i: usize| input.get(i).map_or(true, |&b| (b as i8) >= -0x40);
        if boundary(at) && boundary(at + bytes.len()) {
            // SAFETY: `bytes` are `input[at..at + bytes.len()]`, which starts
            // and ends on character boundaries of a valid UTF-8 string.
            return Ok(unsafe { std::str::from_utf8_unchecked(bytes) });
        }
    }
    std::str::from_utf8(bytes)
}

/// This is an implementation for reading from a `&[u8]` as underlying byte stream.
/// This implementation supports not using an intermediate buffer as the byte slice
/// itself can be used to borrow from.
impl<'a> Reader<&'a [u8]> {
    /// Creates an XML reader from a string slice.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &'a str) -> Self {
        // Rust strings are guaranteed to be UTF-8, so lock the encoding
        #[cfg(feature = "encoding")]
        {
            let mut reader = Self::from_reader(s.as_bytes());
            reader.state.encoding = EncodingRef::Explicit(encoding_rs::UTF_8);
            reader
        }

        #[cfg(not(feature = "encoding"))]
        Self::from_reader(s.as_bytes())
    }

    /// Read an event that borrows from the input rather than a buffer.
    ///
    /// There is no asynchronous `read_event_async()` version of this function,
    /// because it is not necessary -- the contents are already in memory and no IO
    /// is needed, therefore there is no potential for blocking.
    ///
    /// # Examples
    ///
    /// ```
    /// # use pretty_assertions::assert_eq;
    /// use quick_xml::events::Event;
    /// use quick_xml::reader::Reader;
    ///
    /// let mut reader = Reader::from_str(r#"
    ///     <tag1 att1 = "test">
    ///        <tag2><!--Test comment-->Test</tag2>
    ///        <tag2>Test 2</tag2>
    ///     </tag1>
    /// "#);
    /// reader.config_mut().trim_text(true);
    ///
    /// let mut count = 0;
    /// let mut txt = Vec::new();
    /// loop {
    ///     match reader.read_event().unwrap() {
    ///         Event::Start(e) => count += 1,
    ///         Event::Text(e) => txt.push(e.into_inner().into_owned()),
    ///         Event::Eof => break,
    ///         _ => (),
    ///     }
    /// }
    /// assert_eq!(count, 3);
    /// assert_eq!(txt, vec!["Test".to_string(), "Test 2".to_string()]);
    /// ```
    #[inline]
    pub fn read_event(&mut self) -> Result<Event<'a>> {
        self.read_event_impl(())
    }

    /// Reads until end element is found. This function is supposed to be called
    /// after you already read a [`Start`] event.
    ///
    /// Returns a span that cover content between `>` of an opening tag and `<` of
    /// a closing tag or an empty slice, if [`expand_empty_elements`] is set and
    /// this method was called after reading expanded [`Start`] event.
    ///
    /// Manages nested cases where parent and child elements have the _literally_
    /// same name.
    ///
    /// If a corresponding [`End`] event is not found, an error of type [`Error::IllFormed`]
    /// will be returned. In particularly, that error will be returned if you call
    /// this method without consuming the corresponding [`Start`] event first.
    ///
    /// The `end` parameter should contain name of the end element _in the reader
    /// encoding_. It is good practice to always get that parameter using
    /// [`BytesStart::to_end()`] method.
    ///
    /// The correctness of the skipped events does not checked, if you disabled
    /// the [`check_end_names`] option.
    ///
    /// There is no asynchronous `read_to_end_async()` version of this function,
    /// because it is not necessary -- the contents are already in memory and no IO
    /// is needed, therefore there is no potential for blocking.
    ///
    /// # Namespaces
    ///
    /// While the `Reader` does not support namespace resolution, namespaces
    /// does not change the algorithm for comparing names. Although the names
    /// `a:name` and `b:name` where both prefixes `a` and `b` resolves to the
    /// same namespace, are semantically equivalent, `</b:name>` cannot close
    /// `<a:name>`, because according to [the specification]
    ///
    /// > The end of every element that begins with a **start-tag** MUST be marked
    /// > by an **end-tag** containing a name that echoes the element's type as
    /// > given in the **start-tag**
    ///
    /// # Examples
    ///
    /// This example shows, how you can skip XML content after you read the
    /// start event.
    ///
    /// ```
    /// # use pretty_assertions::assert_eq;
    /// use quick_xml::events::{BytesStart, Event};
    /// use quick_xml::reader::Reader;
    ///
    /// let mut reader = Reader::from_str(r#"
    ///     <outer>
    ///         <inner>
    ///             <inner></inner>
    ///             <inner/>
    ///             <outer></outer>
    ///             <outer/>
    ///         </inner>
    ///     </outer>
    /// "#);
    /// reader.config_mut().trim_text(true);
    ///
    /// let start = BytesStart::new("outer");
    /// let end   = start.to_end().into_owned();
    ///
    /// // First, we read a start event...
    /// assert_eq!(reader.read_event().unwrap(), Event::Start(start));
    ///
    /// // ...then, we could skip all events to the corresponding end event.
    /// // This call will correctly handle nested <outer> elements.
    /// // Note, however, that this method does not handle namespaces.
    /// reader.read_to_end(end.name()).unwrap();
    ///
    /// // At the end we should get an Eof event, because we ate the whole XML
    /// assert_eq!(reader.read_event().unwrap(), Event::Eof);
    /// ```
    ///
    /// [`Start`]: Event::Start
    /// [`End`]: Event::End
    /// [`BytesStart::to_end()`]: crate::events::BytesStart::to_end
    /// [`expand_empty_elements`]: crate::reader::Config::expand_empty_elements
    /// [`check_end_names`]: crate::reader::Config::check_end_names
    /// [the specification]: https://www.w3.org/TR/xml11/#dt-etag
    pub fn read_to_end(&mut self, end: QName) -> Result<Span> {
        Ok(read_to_end!(self, end, (), read_event_impl, {}))
    }

    /// Reads content between start and end tags, including any markup. This
    /// function is supposed to be called after you already read a [`Start`] event.
    ///
    /// Manages nested cases where parent and child elements have the _literally_
    /// same name.
    ///
    /// This method does not unescape read data, instead it returns content
    /// "as is" of the XML document. This is because it has no idea what text
    /// it reads, and if, for example, it contains CDATA section, attempt to
    /// unescape it content will spoil data.
    ///
    /// Actually, this method perform the following code:
    ///
    /// ```ignore
    /// let span = reader.read_to_end(end)?;
    /// let text = &reader.inner_slice[span];
    /// ```
    ///
    /// # Examples
    ///
    /// This example shows, how you can read a HTML content from your XML document.
    ///
    /// ```
    /// # use pretty_assertions::assert_eq;
    /// # use std::borrow::Cow;
    /// use quick_xml::events::{BytesStart, Event};
    /// use quick_xml::reader::Reader;
    ///
    /// let mut reader = Reader::from_str("
    ///     <html>
    ///         <title>This is a HTML text</title>
    ///         <p>Usual XML rules does not apply inside it
    ///         <p>For example, elements not needed to be &quot;closed&quot;
    ///     </html>
    /// ");
    /// reader.config_mut().trim_text(true);
    ///
    /// let start = BytesStart::new("html");
    /// let end   = start.to_end().into_owned();
    ///
    /// // First, we read a start event...
    /// assert_eq!(reader.read_event().unwrap(), Event::Start(start));
    /// // ...and disable checking of end names because we expect HTML further...
    /// reader.config_mut().check_end_names = false;
    ///
    /// // ...then, we could read text content until close tag.
    /// // This call will correctly handle nested <html> elements.
    /// let text = reader.read_text(end.name()).unwrap();
    /// let text = text.into_inner();
    /// assert_eq!(text, r#"
    ///         <title>This is a HTML text</title>
    ///         <p>Usual XML rules does not apply inside it
    ///         <p>For example, elements not needed to be &quot;closed&quot;
    ///     "#);
    /// assert!(matches!(text, Cow::Borrowed(_)));
    ///
    /// // Now we can enable checks again
    /// reader.config_mut().check_end_names = true;
    ///
    /// // At the end we should get an Eof event, because we ate the whole XML
    /// assert_eq!(reader.read_event().unwrap(), Event::Eof);
    /// ```
    ///
    /// [`Start`]: Event::Start
    pub fn read_text(&mut self, end: QName) -> Result<BytesText<'a>> {
        // self.reader will be changed, so store original reference
        let buffer = self.reader;
        let span = self.read_to_end(end)?;

        let len = span.end - span.start;
        // SAFETY: `span` can only contain indexes up to usize::MAX because it
        // was created from offsets from a single &[u8] slice
        // Could use from_utf8_unchecked: buffer was validated during event parsing
        let text = to_str(&buffer[0..len as usize])?;
        Ok(BytesText::wrap(text))
    }
}

////////////////////////////////////////////////////////////////////////////////////////////////////

/// Implementation of `XmlSource` for `&[u8]` reader using a `Self` as buffer
/// that will be borrowed by events. This implementation provides a zero-copy deserialization.
///
/// Note: When the reader is created via [`Reader::from_str`], the input is
/// guaranteed to be valid UTF-8. In that case, the `from_utf8` calls below
/// could safely use `from_utf8_unchecked`. However, `Reader::from_reader`
/// also instantiates this impl with arbitrary bytes, so we must validate.
impl<'a> XmlSource<'a, ()> for &'a [u8] {
    #[cfg(not(feature = "encoding"))]
    #[inline]
    fn remove_utf8_bom(&mut self) -> io::Result<()> {
        if self.starts_with(crate::encoding::UTF8_BOM) {
            *self = &self[crate::encoding::UTF8_BOM.len()..];
        }
        Ok(())
    }

    #[cfg(feature = "encoding")]
    #[inline]
    fn detect_encoding(&mut self) -> io::Result<Option<DetectedEncoding>> {
        if let Some(detected) = crate::encoding::detect_encoding(self) {
            *self = &self[detected.bom_len() as usize..];
            return Ok(Some(detected));
        }
        Ok(None)
    }

    #[inline]
    fn read_text(&mut self, _buf: (), position: &mut u64) -> ReadTextResult<'a, ()> {
        // Search for start of markup or an entity or character reference
        match memchr::memchr2(b'<', b'&', self) {
            Some(0) if self[0] == b'<' => ReadTextResult::Markup(()),
            // Do not consume `&` because it may be lone and we would be need to
            // return it as part of Text event
            Some(0) => ReadTextResult::Ref(()),

            Some(i) if self[i] == b'<' => {
                let (bytes, rest) = self.split_at(i);
                *self = rest;
                *position += i as u64;
                match to_str(bytes) {
                    Ok(s) => ReadTextResult::UpToMarkup(s),
                    Err(e) => ReadTextResult::Err(e.into()),
                }
            }
            Some(i) => {
                let (bytes, rest) = self.split_at(i);
                *self = rest;
                *position += i as u64;
                match to_str(bytes) {
                    Ok(s) => ReadTextResult::UpToRef(s),
                    Err(e) => ReadTextResult::Err(e.into()),
                }
            }
            None => {
                let bytes = &self[..];
                *self = &[];
                *position += bytes.len() as u64;
                match to_str(bytes) {
                    Ok(s) => ReadTextResult::UpToEof(s),
                    Err(e) => ReadTextResult::Err(e.into()),
                }
            }
        }
    }

    #[inline]
    fn read_ref(&mut self, _buf: (), position: &mut u64) -> ReadRefResult<'a> {
        debug_assert!(
            self.starts_with(b"&"),
            "`read_ref` must be called at `&`:\n{:?}",
            crate::utils::Bytes(self)
        );
        // Search for the end of reference or a start of another reference or a markup
        match memchr::memchr3(b';', b'&', b'<', &self[1..]) {
            Some(i) if self[i + 1] == b';' => {
                // +1 for the start `&`
                // +1 for the end `;`
                let end = i + 2;
                let (bytes, rest) = self.split_at(end);
                *self = rest;
                *position += end as u64;

                match to_str(bytes) {
                    Ok(s) => ReadRefResult::Ref(s),
                    Err(e) => ReadRefResult::Err(e.into()),
                }
            }
            // Do not consume `&` because it may be lone and we would be need to
            // return it as part of Text event
            Some(i) => {
                let is_amp = self[i + 1] == b'&';
                let (bytes, rest) = self.split_at(i + 1);
                *self = rest;
                *position += i as u64 + 1;

                match to_str(bytes) {
                    Ok(s) => {
                        if is_amp {
                            ReadRefResult::UpToRef(s)
                        } else {
                            ReadRefResult::UpToMarkup(s)
                        }
                    }
                    Err(e) => ReadRefResult::Err(e.into()),
                }
            }
            None => {
                let bytes = &self[..];
                *self = &[];
                *position += bytes.len() as u64;

                match to_str(bytes) {
                    Ok(s) => ReadRefResult::UpToEof(s),
                    Err(e) => ReadRefResult::Err(e.into()),
                }
            }
        }
    }

    #[inline]
    fn read_with<P>(&mut self, mut parser: P, _buf: (), position: &mut u64) -> Result<&'a str>
    where
        P: Parser,
    {
        if let Some(i) = parser.feed(self) {
            let used = i + 1; // +1 for `>`
            *position += used as u64;
            let (bytes, rest) = self.split_at(used);
            *self = rest;
            return Ok(to_str(bytes)?);
        }

        *position += self.len() as u64;
        Err(Error::Syntax(parser.eof_error(self)))
    }

    #[inline]
    fn read_bang_element(&mut self, _buf: (), position: &mut u64) -> Result<(BangType, &'a str)> {
        // Peeked one bang ('!') before being called, so it's guaranteed to
        // start with it.
        debug_assert!(
            self.starts_with(b"<!"),
            "`read_bang_element` must be called at `<!`:\n{:?}",
            crate::utils::Bytes(self)
        );

        let mut bang_type = BangType::new(self.get(2).copied())?;

        if let Some(i) = bang_type.feed(&[], self) {
            let consumed = i + 1; // +1 for `>`
            *position += consumed as u64;
            let (bytes, rest) = self.split_at(consumed);
            *self = rest;
            return Ok((bang_type, to_str(bytes)?));
        }

        *position += self.len() as u64;
        Err(Error::Syntax(bang_type.to_err()))
    }

    #[inline]
    fn skip_whitespace(&mut self, position: &mut u64) -> io::Result<()> {
        let whitespaces = self
            .iter()
            .position(|b| !is_whitespace(*b))
            .unwrap_or(self.len());
        *position += whitespaces as u64;
        *self = &self[whitespaces..];
        Ok(())
    }

    #[inline]
    fn peek_one(&mut self) -> io::Result<Option<u8>> {
        debug_assert!(
            self.starts_with(b"<"),
            "markup must start from '<':\n{:?}",
            crate::utils::Bytes(self)
        );
        Ok(self.get(1).copied())
    }
}

#[cfg(test)]
mod test {
    use crate::reader::XmlSource;
    use crate::reader::test::check;

    /// Default buffer constructor just pass the byte array from the test
    fn identity<T>(input: T) -> T {
        input
    }

    check!(
        #[test]
        read_event_impl,
        identity,
        0,
        ()
    );
}
