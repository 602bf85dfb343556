package vtl

// Object is a host value with Java-like methods, such as API Gateway's
// $input and $util. Templates call its methods and read its properties.
type Object interface {
	// CallMethod calls the named method. ok is false when the object has
	// no such method taking these arguments: the reference is then null,
	// as in Velocity. A non-nil error is an exception the method threw.
	// args is only valid during the call: do not retain the slice.
	CallMethod(name string, args []any) (result any, ok bool, err error)
	// Property returns $obj.name; ok is false when there is none.
	Property(name string) (result any, ok bool)
}

// Block is a lazily rendered piece of template: a #define block or a block
// macro's $bodyContent. It renders itself wherever it is printed.
type Block struct {
	nodes []node
	frame *frame
}

// JavaString renders nothing by itself: blocks print through the renderer.
func (b *Block) JavaString() string { return "" }
