# load_store(p): p[1] = p[0] + (int32)p[2] (sign-extended word), *(uint8 *)p = 0x7f,
# returns the zero-extended byte at p+9: loads and stores of several widths.
	.text
	.globl	load_store
	.type	load_store, @function
load_store:
	ld	a5, 0(a0)
	lw	a4, 16(a0)
	add	a5, a5, a4
	sd	a5, 8(a0)
	li	a4, 0x7f
	sb	a4, 0(a0)
	lbu	a0, 9(a0)
	ret
	.size	load_store, .-load_store
