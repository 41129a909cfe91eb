package archive

import "bytes"

// appendIndented appends compact, valid JSON src (as json.Marshal makes
// it) to dst indented as json.Indent(dst, src, prefix, indent) would, in
// one pass that only tracks strings and depth: json.Indent runs the full
// JSON scanner over every byte, which was a quarter of an export's time.
// The streamed export's tests compare the bytes with encoding the whole
// document at once.
func appendIndented(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			// Copy the string whole: up to the quote no backslash escapes.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1]) // empty: {} or [] as they are
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// marshalIndented is json.MarshalIndent(v, prefix, indent) with the faster
// indentation.
func marshalIndented(buf *bytes.Buffer, compact []byte, prefix, indent string) {
	buf.Write(appendIndented(buf.AvailableBuffer(), compact, prefix, indent))
}
