# leaf_call(x, fn) = fn(x, 3) + s1's x, through a function pointer, and scale(x, y) = x * y
# + 1, a leaf: the call passes a0-a7, sp and ra to scale's leaf entry (fvp_leaf_<pc>) in host
# registers and takes a0-a7 back, writing back only the t and global registers first and
# keeping s1 in an SSA value across the call (docs D63); the host call through the
# one-argument function stays for callees without a leaf entry.
# golden: leaf_call scale leaf
# golden-asm: call +\*%r
	.text
	.globl	leaf_call
	.type	leaf_call, @function
leaf_call:
	addi	sp, sp, -16
	sd	ra, 8(sp)
	sd	s1, 0(sp)
	mv	s1, a0
	mv	a5, a1
	li	a1, 3
	jalr	a5
	add	a0, a0, s1
	ld	s1, 0(sp)
	ld	ra, 8(sp)
	addi	sp, sp, 16
	ret
	.size	leaf_call, .-leaf_call

	.globl	scale
	.type	scale, @function
scale:
	mul	a0, a0, a1
	addi	a0, a0, 1
	ret
	.size	scale, .-scale


# (scale's address in data: the translation finds it as a function called through pointers)
	.section .data
	.globl	scale_ptr
scale_ptr:
	.dword	scale
