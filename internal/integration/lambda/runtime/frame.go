package runtime

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// Archway's bootstrap protocol. The Node.js bootstrap (bootstrap.js) does
// not make the Runtime API's two HTTP round trips per invocation: it
// exchanges length-prefixed frames with the host over two pipes, reading
// invocations from file descriptor 3 and writing its answers to file
// descriptor 4 (channel.go). Every frame is
//
//	frame = size:u32le type:u8 field*     size counts type and fields
//	field = size:u32le byte*
//
// Host to bootstrap:
//
//	'I' invoke      request id, deadline (Unix ms, decimal), invoked
//	                function ARN, X-Ray trace id, client context (JSON or
//	                empty), Cognito identity (JSON or empty), event
//
// Bootstrap to host:
//
//	'N' next        the handler is loaded: the init phase is over and the
//	                bootstrap waits for its first invocation (sent once;
//	                afterwards each answer means the same)
//	'R' response    request id, payload
//	'E' error       request id, error type, error payload (the
//	                Runtime API's invocation error)
//	'X' init error  error type, error payload (then the bootstrap exits)
//
// They carry what the Lambda-Runtime-* headers and bodies carry. Anything
// else (an unknown type, a field overrunning its frame, an answer for an
// invocation the process was not given) is a protocol error: the process
// is stopped and replaced.
const (
	frameInvoke    = 'I'
	frameNext      = 'N'
	frameResponse  = 'R'
	frameError     = 'E'
	frameInitError = 'X'
)

// maxFrameFields is the room a frame's fields besides its payload
// (request id, error type) may take: a frame larger than MaxResponseSize
// plus this is not buffered; its first field is kept and the rest
// discarded (frameReader.skip).
const maxFrameFields = 64 * 1024

// errFrame is wrapped by every protocol error.
var errFrame = errors.New("bootstrap protocol")

// appendInvokeHeader appends an invoke frame up to its event bytes, which
// the caller writes after it, to dst.
func appendInvokeHeader(dst []byte, inv *invocation, arn string, event int) []byte {
	start := len(dst)
	dst = append(dst, 0, 0, 0, 0, frameInvoke)
	dst = appendField(dst, inv.opts.RequestID)
	var ms [20]byte
	dst = appendField(dst, strconv.AppendInt(ms[:0], inv.deadline.UnixMilli(), 10))
	dst = appendField(dst, arn)
	dst = appendField(dst, inv.opts.TraceID)
	dst = appendField(dst, inv.opts.ClientContext)
	dst = appendField(dst, inv.opts.CognitoIdentity)
	dst = binary.LittleEndian.AppendUint32(dst, uint32(event))
	binary.LittleEndian.PutUint32(dst[start:], uint32(len(dst)-start-4+event))
	return dst
}

func appendField[T string | []byte](dst []byte, s T) []byte {
	dst = binary.LittleEndian.AppendUint32(dst, uint32(len(s)))
	return append(dst, s...)
}

// frame is one decoded bootstrap frame.
type frame struct {
	typ byte
	// fields are the frame's fields in order; the last one of a response
	// or error frame is its payload, a slice of a buffer of its own.
	fields [3][]byte
	n      int
	// oversize is set when the frame was larger than MaxResponseSize
	// allows: only its first field (the request id) was kept.
	oversize bool
}

// field returns the i-th field, or nil.
func (f *frame) field(i int) []byte {
	if i < f.n {
		return f.fields[i]
	}
	return nil
}

// frameReader decodes the frames a bootstrap sends.
type frameReader struct {
	r    *bufio.Reader
	size [4]byte
}

// next reads one frame. A frame too large for a response payload is
// consumed without being buffered and reported with oversize set.
func (fr *frameReader) next() (frame, error) {
	var f frame
	if _, err := io.ReadFull(fr.r, fr.size[:]); err != nil {
		if err == io.ErrUnexpectedEOF {
			return f, truncated(err)
		}
		return f, err // io.EOF between frames: the process closed its end
	}
	size := int64(binary.LittleEndian.Uint32(fr.size[:]))
	if size == 0 {
		return f, fmt.Errorf("%w: empty frame", errFrame)
	}
	typ, err := fr.r.ReadByte()
	if err != nil {
		return f, truncated(err)
	}
	f.typ = typ
	body := size - 1
	if body > MaxResponseSize+maxFrameFields {
		return fr.skip(f, body)
	}
	buf := make([]byte, body)
	if _, err := io.ReadFull(fr.r, buf); err != nil {
		return f, truncated(err)
	}
	for len(buf) > 0 {
		if f.n == len(f.fields) || len(buf) < 4 {
			return f, fmt.Errorf("%w: malformed %q frame", errFrame, f.typ)
		}
		n := binary.LittleEndian.Uint32(buf)
		if uint64(n) > uint64(len(buf)-4) {
			return f, fmt.Errorf("%w: field overruns its %q frame", errFrame, f.typ)
		}
		f.fields[f.n] = buf[4 : 4+n : 4+n]
		f.n++
		buf = buf[4+n:]
	}
	return f, nil
}

// skip reads the first field of a frame whose body (body bytes) is too
// large and discards the rest.
func (fr *frameReader) skip(f frame, body int64) (frame, error) {
	var size [4]byte
	if _, err := io.ReadFull(fr.r, size[:]); err != nil {
		return f, truncated(err)
	}
	n := int64(binary.LittleEndian.Uint32(size[:]))
	if n > maxFrameFields || n > body-4 {
		return f, fmt.Errorf("%w: %d-byte %q frame", errFrame, body+1, f.typ)
	}
	id := make([]byte, n)
	if _, err := io.ReadFull(fr.r, id); err != nil {
		return f, truncated(err)
	}
	if _, err := fr.r.Discard(int(body - 4 - n)); err != nil {
		return f, truncated(err)
	}
	f.fields[0], f.n, f.oversize = id, 1, true
	return f, nil
}

// truncated is the error of a frame cut short: a protocol error when the
// process closed its end, else the read error (a deadline, the pipe
// closed by Archway).
func truncated(err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return fmt.Errorf("%w: truncated frame", errFrame)
	}
	return err
}
