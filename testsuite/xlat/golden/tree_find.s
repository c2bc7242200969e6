# tree_find(t, key): a binary search tree descent as RV64 gcc -O2 writes
# `while (t && t->key != key) t = key < t->key ? t->left : t->right;` -- no conditional move,
# so the load of the child and the null test are duplicated into two arms that branch the
# same two ways.  fvp-xlat merges the twin arms (docs D56): one load off a selected offset,
# and the machine code has no branch on the key compare (only the found and null tests, the
# range test of the chased pointer and the loop poll).
# golden-asm: \bset(ae|b|nb|a|be|c|nc)\b|\bcmov
	.text
	.globl	tree_find
	.type	tree_find, @function
tree_find:
	beqz	a0, 3f
1:	ld	a5, 0(a0)
	beq	a5, a1, 2f
	bgeu	a1, a5, 4f
	ld	a0, 8(a0)
	bnez	a0, 1b
5:	li	a0, 0
	ret
4:	ld	a0, 16(a0)
	bnez	a0, 1b
	j	5b
2:	li	a0, 1
3:	ret
	.size	tree_find, .-tree_find
