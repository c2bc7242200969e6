define hidden i32 @fvp_100e8_leaf_call(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 16
  %x2 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 72
  %x9 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %3, align 8, !tbaa !5
  %4 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %4, align 8, !tbaa !5
  %5 = getelementptr inbounds i8, ptr %cpu, i64 120
  %x15 = load i64, ptr %5, align 8, !tbaa !5
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p23 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p23, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit, !prof !8

b_100e8:                                          ; preds = %entry.switch
  %6 = add i64 %x2, -16
  %clamp.base = tail call i64 @llvm.umin.i64(i64 %6, i64 274877908992)
  %7 = getelementptr i8, ptr %mem_base, i64 %clamp.base
  %host = getelementptr i8, ptr %7, i64 8
  store i64 %x1, ptr %host, align 1, !tbaa !9
  store i64 %x9, ptr %7, align 1, !tbaa !9
  %8 = and i64 %x11, -2
  %ix.closed = load atomic i32, ptr getelementptr inbounds (i8, ptr @fvp_native_index, i64 32) acquire, align 8
  %ix.gen.p = load ptr, ptr getelementptr inbounds (i8, ptr @fvp_native_index, i64 16), align 8
  %ix.gen = load atomic i64, ptr %ix.gen.p acquire, align 8
  %ix.seen = load i64, ptr getelementptr inbounds (i8, ptr @fvp_native_index, i64 24), align 8
  %9 = icmp ne i64 %ix.gen, %ix.seen
  %10 = icmp ne i32 %ix.closed, 0
  %ix.open.not = or i1 %10, %9
  br i1 %ix.open.not, label %probe.join.thread, label %probe, !prof !11

b_100f6:                                          ; preds = %entry.switch, %hcall.ret, %leaf.ret
  %x2.slot.0 = phi i64 [ %x2, %entry.switch ], [ %6, %leaf.ret ], [ %x271, %hcall.ret ]
  %x9.slot.0 = phi i64 [ %x9, %entry.switch ], [ %x10, %leaf.ret ], [ %x972, %hcall.ret ]
  %x10.slot.0 = phi i64 [ %x10, %entry.switch ], [ %ret.v, %leaf.ret ], [ %x1073, %hcall.ret ]
  %x11.slot.0 = phi i64 [ %x11, %entry.switch ], [ %ret.v51, %leaf.ret ], [ %x1174, %hcall.ret ]
  %x15.slot.0 = phi i64 [ %x15, %entry.switch ], [ %ret.v55, %leaf.ret ], [ %x1575, %hcall.ret ]
  %11 = add i64 %x10.slot.0, %x9.slot.0
  %clamp.base79 = tail call i64 @llvm.umin.i64(i64 %x2.slot.0, i64 274877908992)
  %host80 = getelementptr i8, ptr %mem_base, i64 %clamp.base79
  %ld = load i64, ptr %host80, align 1, !tbaa !9
  %host84 = getelementptr i8, ptr %host80, i64 8
  %ld85 = load i64, ptr %host84, align 1, !tbaa !9
  %12 = add i64 %x2.slot.0, 16
  %13 = and i64 %ld85, -2
  br label %exit

common.ret:                                       ; preds = %hcall, %leaf.out, %exit
  %common.ret.op = phi i32 [ %exit.reason, %exit ], [ %reason, %leaf.out ], [ %r67, %hcall ]
  ret i32 %common.ret.op

exit:                                             ; preds = %probe.join.thread, %probe.join, %start, %b_100f6
  %x1.slot.0 = phi i64 [ %x1, %start ], [ %ld85, %b_100f6 ], [ 65782, %probe.join ], [ 65782, %probe.join.thread ]
  %x2.slot.1 = phi i64 [ %x2, %start ], [ %12, %b_100f6 ], [ %6, %probe.join ], [ %6, %probe.join.thread ]
  %x9.slot.1 = phi i64 [ %x9, %start ], [ %ld, %b_100f6 ], [ %x10, %probe.join ], [ %x10, %probe.join.thread ]
  %x10.slot.1 = phi i64 [ %x10, %start ], [ %11, %b_100f6 ], [ %x10, %probe.join ], [ %x10, %probe.join.thread ]
  %x11.slot.1 = phi i64 [ %x11, %start ], [ %x11.slot.0, %b_100f6 ], [ 3, %probe.join ], [ 3, %probe.join.thread ]
  %x15.slot.1 = phi i64 [ %x15, %start ], [ %x15.slot.0, %b_100f6 ], [ %x11, %probe.join ], [ %x11, %probe.join.thread ]
  %exit.pc = phi i64 [ %pc, %start ], [ %13, %b_100f6 ], [ %8, %probe.join ], [ %8, %probe.join.thread ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %b_100f6 ], [ 3, %probe.join ], [ 3, %probe.join.thread ]
  store i64 %x1.slot.0, ptr %0, align 8, !tbaa !5
  store i64 %x2.slot.1, ptr %1, align 8, !tbaa !5
  store i64 %x9.slot.1, ptr %2, align 8, !tbaa !5
  store i64 %x10.slot.1, ptr %3, align 8, !tbaa !5
  store i64 %x11.slot.1, ptr %4, align 8, !tbaa !5
  store i64 %x15.slot.1, ptr %5, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p23, align 8, !tbaa !5
  br label %common.ret

entry.switch:                                     ; preds = %start
  %cond = icmp eq i64 %pc, 65782
  br i1 %cond, label %b_100f6, label %b_100e8

probe:                                            ; preds = %b_100e8
  %ix.slots = load ptr, ptr @fvp_native_index, align 8
  %ix.shift = load i64, ptr getelementptr inbounds (i8, ptr @fvp_native_index, i64 8), align 8
  %14 = mul i64 %8, -7046029254386353131
  %ix.h = lshr i64 %14, %ix.shift
  %ix.slot = getelementptr inbounds { i64, ptr, ptr }, ptr %ix.slots, i64 %ix.h
  %slot.pc = load i64, ptr %ix.slot, align 8
  %.not = icmp eq i64 %slot.pc, %8
  br i1 %.not, label %probe.join, label %probe.join.thread, !prof !8

probe.join:                                       ; preds = %probe
  %15 = getelementptr inbounds i8, ptr %ix.slot, i64 8
  %slot.fn = load ptr, ptr %15, align 8
  %16 = getelementptr inbounds i8, ptr %ix.slot, i64 16
  %slot.leaf = load ptr, ptr %16, align 8
  %found34.not = icmp eq ptr %slot.fn, null
  br i1 %found34.not, label %exit, label %lookup.hit

probe.join.thread:                                ; preds = %b_100e8, %probe
  %found = tail call ptr @fvp_native_find(ptr nonnull %cpu, i64 %8) #2
  %found34.not119 = icmp eq ptr %found, null
  br i1 %found34.not119, label %exit, label %leaf.none

lookup.hit:                                       ; preds = %probe.join
  %has.leaf.not = icmp eq ptr %slot.leaf, null
  br i1 %has.leaf.not, label %leaf.none, label %leaf

leaf:                                             ; preds = %lookup.hit
  %17 = getelementptr inbounds i8, ptr %cpu, i64 96
  %arg36 = load i64, ptr %17, align 8, !tbaa !5
  %18 = getelementptr inbounds i8, ptr %cpu, i64 104
  %arg37 = load i64, ptr %18, align 8, !tbaa !5
  %19 = getelementptr inbounds i8, ptr %cpu, i64 112
  %arg38 = load i64, ptr %19, align 8, !tbaa !5
  %20 = getelementptr inbounds i8, ptr %cpu, i64 128
  %arg40 = load i64, ptr %20, align 8, !tbaa !5
  %21 = getelementptr inbounds i8, ptr %cpu, i64 136
  %arg41 = load i64, ptr %21, align 8, !tbaa !5
  %r = tail call x86_regcallcc { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %slot.leaf(ptr nonnull %cpu, i64 %x10, i64 3, i64 %arg36, i64 %arg37, i64 %arg38, i64 %x11, i64 %arg40, i64 %arg41, i64 %6, i64 65782) #2
  %status = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 0
  %ret.ok.not = icmp eq i64 %status, 65782
  br i1 %ret.ok.not, label %leaf.ret, label %leaf.out, !prof !8

leaf.none:                                        ; preds = %probe.join.thread, %lookup.hit
  %target120125 = phi ptr [ %slot.fn, %lookup.hit ], [ %found, %probe.join.thread ]
  store i64 65782, ptr %0, align 8, !tbaa !5
  store i64 %6, ptr %1, align 8, !tbaa !5
  store i64 %x10, ptr %2, align 8, !tbaa !5
  store i64 %x10, ptr %3, align 8, !tbaa !5
  store i64 3, ptr %4, align 8, !tbaa !5
  store i64 %x11, ptr %5, align 8, !tbaa !5
  %host.sp = tail call i64 @llvm.read_register.i64(metadata !12)
  %sp.limit.p = getelementptr inbounds i8, ptr %cpu, i64 600
  %sp.limit = load i64, ptr %sp.limit.p, align 8, !tbaa !5
  %deep = icmp ult i64 %host.sp, %sp.limit
  store i64 %8, ptr %pc.p23, align 8, !tbaa !5
  br i1 %deep, label %hcall.deep, label %hcall, !prof !11

leaf.ret:                                         ; preds = %leaf
  %ret.v = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 1
  %ret.v51 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 2
  %ret.v52 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 3
  store i64 %ret.v52, ptr %17, align 8, !tbaa !5
  %ret.v53 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 4
  store i64 %ret.v53, ptr %18, align 8, !tbaa !5
  %ret.v54 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 5
  store i64 %ret.v54, ptr %19, align 8, !tbaa !5
  %ret.v55 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 6
  %ret.v56 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 7
  store i64 %ret.v56, ptr %20, align 8, !tbaa !5
  %ret.v57 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 8
  store i64 %ret.v57, ptr %21, align 8, !tbaa !5
  br label %b_100f6

leaf.out:                                         ; preds = %leaf
  store i64 65782, ptr %0, align 8, !tbaa !5
  store i64 %6, ptr %1, align 8, !tbaa !5
  store i64 %x10, ptr %2, align 8, !tbaa !5
  %22 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 1
  store i64 %22, ptr %3, align 8, !tbaa !5
  %23 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 2
  store i64 %23, ptr %4, align 8, !tbaa !5
  %24 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 3
  store i64 %24, ptr %17, align 8, !tbaa !5
  %25 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 4
  store i64 %25, ptr %18, align 8, !tbaa !5
  %26 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 5
  store i64 %26, ptr %19, align 8, !tbaa !5
  %27 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 6
  store i64 %27, ptr %5, align 8, !tbaa !5
  %28 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 7
  store i64 %28, ptr %20, align 8, !tbaa !5
  %29 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 8
  store i64 %29, ptr %21, align 8, !tbaa !5
  %pc49 = load i64, ptr %pc.p23, align 8, !tbaa !5
  %30 = icmp slt i64 %status, 0
  %31 = select i1 %30, i64 %pc49, i64 %status
  store i64 %31, ptr %pc.p23, align 8, !tbaa !5
  %32 = trunc i64 %status to i32
  %reason = select i1 %30, i32 %32, i32 4
  br label %common.ret

hcall:                                            ; preds = %leaf.none
  %r67 = tail call i32 %target120125(ptr nonnull %cpu) #2
  %ret.pc = load i64, ptr %pc.p23, align 8, !tbaa !5
  %here = icmp ne i64 %ret.pc, 65782
  %returned = icmp ne i32 %r67, 4
  %ret.ok69.not = or i1 %returned, %here
  br i1 %ret.ok69.not, label %common.ret, label %hcall.ret, !prof !11

hcall.deep:                                       ; preds = %leaf.none
  %r65 = musttail call i32 %target120125(ptr nonnull %cpu) #2
  ret i32 %r65

hcall.ret:                                        ; preds = %hcall
  %x271 = load i64, ptr %1, align 8, !tbaa !5
  %x972 = load i64, ptr %2, align 8, !tbaa !5
  %x1073 = load i64, ptr %3, align 8, !tbaa !5
  %x1174 = load i64, ptr %4, align 8, !tbaa !5
  %x1575 = load i64, ptr %5, align 8, !tbaa !5
  br label %b_100f6
}

define hidden range(i32 4, 10) i32 @fvp_10100_scale(ptr %cpu) local_unnamed_addr #4 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %2, align 8, !tbaa !5
  %pc.p12 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p12, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  %3 = mul i64 %x11, %x10
  %4 = add i64 %3, 1
  %5 = and i64 %x1, -2
  %x10.slot.0 = select i1 %"stop?.not", i64 %4, i64 %x10, !prof !8
  %exit.pc = select i1 %"stop?.not", i64 %5, i64 %pc, !prof !8
  %exit.reason = select i1 %"stop?.not", i32 4, i32 9, !prof !8
  store i64 %x10.slot.0, ptr %1, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p12, align 8, !tbaa !5
  ret i32 %exit.reason
}

define hidden i32 @fvp_100e8_leaf_call(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 16
  %x2 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 72
  %x9 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %3, align 8, !tbaa !5
  %4 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %4, align 8, !tbaa !5
  %5 = getelementptr inbounds i8, ptr %cpu, i64 120
  %x15 = load i64, ptr %5, align 8, !tbaa !5
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p23 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p23, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit, !prof !8

b_100e8:                                          ; preds = %entry.switch
  %6 = add i64 %x2, -16
  %clamp.base = tail call i64 @llvm.umin.i64(i64 %6, i64 274877908992)
  %7 = getelementptr i8, ptr %mem_base, i64 %clamp.base
  %host = getelementptr i8, ptr %7, i64 8
  store i64 %x1, ptr %host, align 1, !tbaa !9
  store i64 %x9, ptr %7, align 1, !tbaa !9
  %8 = and i64 %x11, -2
  %ix.closed = load atomic i32, ptr getelementptr inbounds (i8, ptr @fvp_native_index, i64 32) acquire, align 8
  %ix.gen.p = load ptr, ptr getelementptr inbounds (i8, ptr @fvp_native_index, i64 16), align 8
  %ix.gen = load atomic i64, ptr %ix.gen.p acquire, align 8
  %ix.seen = load i64, ptr getelementptr inbounds (i8, ptr @fvp_native_index, i64 24), align 8
  %9 = icmp ne i64 %ix.gen, %ix.seen
  %10 = icmp ne i32 %ix.closed, 0
  %ix.open.not = or i1 %10, %9
  br i1 %ix.open.not, label %probe.join.thread, label %probe, !prof !11

b_100f6:                                          ; preds = %entry.switch, %hcall.ret, %leaf.ret
  %x2.slot.0 = phi i64 [ %x2, %entry.switch ], [ %6, %leaf.ret ], [ %x271, %hcall.ret ]
  %x9.slot.0 = phi i64 [ %x9, %entry.switch ], [ %x10, %leaf.ret ], [ %x972, %hcall.ret ]
  %x10.slot.0 = phi i64 [ %x10, %entry.switch ], [ %ret.v, %leaf.ret ], [ %x1073, %hcall.ret ]
  %x11.slot.0 = phi i64 [ %x11, %entry.switch ], [ %ret.v51, %leaf.ret ], [ %x1174, %hcall.ret ]
  %x15.slot.0 = phi i64 [ %x15, %entry.switch ], [ %ret.v55, %leaf.ret ], [ %x1575, %hcall.ret ]
  %11 = add i64 %x10.slot.0, %x9.slot.0
  %clamp.base79 = tail call i64 @llvm.umin.i64(i64 %x2.slot.0, i64 274877908992)
  %host80 = getelementptr i8, ptr %mem_base, i64 %clamp.base79
  %ld = load i64, ptr %host80, align 1, !tbaa !9
  %host84 = getelementptr i8, ptr %host80, i64 8
  %ld85 = load i64, ptr %host84, align 1, !tbaa !9
  %12 = add i64 %x2.slot.0, 16
  %13 = and i64 %ld85, -2
  br label %exit

common.ret:                                       ; preds = %hcall, %leaf.out, %exit
  %common.ret.op = phi i32 [ %exit.reason, %exit ], [ %reason, %leaf.out ], [ %r67, %hcall ]
  ret i32 %common.ret.op

exit:                                             ; preds = %probe.join.thread, %probe.join, %start, %b_100f6
  %x1.slot.0 = phi i64 [ %x1, %start ], [ %ld85, %b_100f6 ], [ 65782, %probe.join ], [ 65782, %probe.join.thread ]
  %x2.slot.1 = phi i64 [ %x2, %start ], [ %12, %b_100f6 ], [ %6, %probe.join ], [ %6, %probe.join.thread ]
  %x9.slot.1 = phi i64 [ %x9, %start ], [ %ld, %b_100f6 ], [ %x10, %probe.join ], [ %x10, %probe.join.thread ]
  %x10.slot.1 = phi i64 [ %x10, %start ], [ %11, %b_100f6 ], [ %x10, %probe.join ], [ %x10, %probe.join.thread ]
  %x11.slot.1 = phi i64 [ %x11, %start ], [ %x11.slot.0, %b_100f6 ], [ 3, %probe.join ], [ 3, %probe.join.thread ]
  %x15.slot.1 = phi i64 [ %x15, %start ], [ %x15.slot.0, %b_100f6 ], [ %x11, %probe.join ], [ %x11, %probe.join.thread ]
  %exit.pc = phi i64 [ %pc, %start ], [ %13, %b_100f6 ], [ %8, %probe.join ], [ %8, %probe.join.thread ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %b_100f6 ], [ 3, %probe.join ], [ 3, %probe.join.thread ]
  store i64 %x1.slot.0, ptr %0, align 8, !tbaa !5
  store i64 %x2.slot.1, ptr %1, align 8, !tbaa !5
  store i64 %x9.slot.1, ptr %2, align 8, !tbaa !5
  store i64 %x10.slot.1, ptr %3, align 8, !tbaa !5
  store i64 %x11.slot.1, ptr %4, align 8, !tbaa !5
  store i64 %x15.slot.1, ptr %5, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p23, align 8, !tbaa !5
  br label %common.ret

entry.switch:                                     ; preds = %start
  %cond = icmp eq i64 %pc, 65782
  br i1 %cond, label %b_100f6, label %b_100e8

probe:                                            ; preds = %b_100e8
  %ix.slots = load ptr, ptr @fvp_native_index, align 8
  %ix.shift = load i64, ptr getelementptr inbounds (i8, ptr @fvp_native_index, i64 8), align 8
  %14 = mul i64 %8, -7046029254386353131
  %ix.h = lshr i64 %14, %ix.shift
  %ix.slot = getelementptr inbounds { i64, ptr, ptr }, ptr %ix.slots, i64 %ix.h
  %slot.pc = load i64, ptr %ix.slot, align 8
  %.not = icmp eq i64 %slot.pc, %8
  br i1 %.not, label %probe.join, label %probe.join.thread, !prof !8

probe.join:                                       ; preds = %probe
  %15 = getelementptr inbounds i8, ptr %ix.slot, i64 8
  %slot.fn = load ptr, ptr %15, align 8
  %16 = getelementptr inbounds i8, ptr %ix.slot, i64 16
  %slot.leaf = load ptr, ptr %16, align 8
  %found34.not = icmp eq ptr %slot.fn, null
  br i1 %found34.not, label %exit, label %lookup.hit

probe.join.thread:                                ; preds = %b_100e8, %probe
  %found = tail call ptr @fvp_native_find(ptr nonnull %cpu, i64 %8) #2
  %found34.not119 = icmp eq ptr %found, null
  br i1 %found34.not119, label %exit, label %leaf.none

lookup.hit:                                       ; preds = %probe.join
  %has.leaf.not = icmp eq ptr %slot.leaf, null
  br i1 %has.leaf.not, label %leaf.none, label %leaf

leaf:                                             ; preds = %lookup.hit
  %17 = getelementptr inbounds i8, ptr %cpu, i64 96
  %arg36 = load i64, ptr %17, align 8, !tbaa !5
  %18 = getelementptr inbounds i8, ptr %cpu, i64 104
  %arg37 = load i64, ptr %18, align 8, !tbaa !5
  %19 = getelementptr inbounds i8, ptr %cpu, i64 112
  %arg38 = load i64, ptr %19, align 8, !tbaa !5
  %20 = getelementptr inbounds i8, ptr %cpu, i64 128
  %arg40 = load i64, ptr %20, align 8, !tbaa !5
  %21 = getelementptr inbounds i8, ptr %cpu, i64 136
  %arg41 = load i64, ptr %21, align 8, !tbaa !5
  %r = tail call x86_regcallcc { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %slot.leaf(ptr nonnull %cpu, i64 %x10, i64 3, i64 %arg36, i64 %arg37, i64 %arg38, i64 %x11, i64 %arg40, i64 %arg41, i64 %6, i64 65782) #2
  %status = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 0
  %ret.ok.not = icmp eq i64 %status, 65782
  br i1 %ret.ok.not, label %leaf.ret, label %leaf.out, !prof !8

leaf.none:                                        ; preds = %probe.join.thread, %lookup.hit
  %target120125 = phi ptr [ %slot.fn, %lookup.hit ], [ %found, %probe.join.thread ]
  store i64 65782, ptr %0, align 8, !tbaa !5
  store i64 %6, ptr %1, align 8, !tbaa !5
  store i64 %x10, ptr %2, align 8, !tbaa !5
  store i64 %x10, ptr %3, align 8, !tbaa !5
  store i64 3, ptr %4, align 8, !tbaa !5
  store i64 %x11, ptr %5, align 8, !tbaa !5
  %host.sp = tail call i64 @llvm.read_register.i64(metadata !12)
  %sp.limit.p = getelementptr inbounds i8, ptr %cpu, i64 600
  %sp.limit = load i64, ptr %sp.limit.p, align 8, !tbaa !5
  %deep = icmp ult i64 %host.sp, %sp.limit
  store i64 %8, ptr %pc.p23, align 8, !tbaa !5
  br i1 %deep, label %hcall.deep, label %hcall, !prof !11

leaf.ret:                                         ; preds = %leaf
  %ret.v = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 1
  %ret.v51 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 2
  %ret.v52 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 3
  store i64 %ret.v52, ptr %17, align 8, !tbaa !5
  %ret.v53 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 4
  store i64 %ret.v53, ptr %18, align 8, !tbaa !5
  %ret.v54 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 5
  store i64 %ret.v54, ptr %19, align 8, !tbaa !5
  %ret.v55 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 6
  %ret.v56 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 7
  store i64 %ret.v56, ptr %20, align 8, !tbaa !5
  %ret.v57 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 8
  store i64 %ret.v57, ptr %21, align 8, !tbaa !5
  br label %b_100f6

leaf.out:                                         ; preds = %leaf
  store i64 65782, ptr %0, align 8, !tbaa !5
  store i64 %6, ptr %1, align 8, !tbaa !5
  store i64 %x10, ptr %2, align 8, !tbaa !5
  %22 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 1
  store i64 %22, ptr %3, align 8, !tbaa !5
  %23 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 2
  store i64 %23, ptr %4, align 8, !tbaa !5
  %24 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 3
  store i64 %24, ptr %17, align 8, !tbaa !5
  %25 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 4
  store i64 %25, ptr %18, align 8, !tbaa !5
  %26 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 5
  store i64 %26, ptr %19, align 8, !tbaa !5
  %27 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 6
  store i64 %27, ptr %5, align 8, !tbaa !5
  %28 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 7
  store i64 %28, ptr %20, align 8, !tbaa !5
  %29 = extractvalue { i64, i64, i64, i64, i64, i64, i64, i64, i64 } %r, 8
  store i64 %29, ptr %21, align 8, !tbaa !5
  %pc49 = load i64, ptr %pc.p23, align 8, !tbaa !5
  %30 = icmp slt i64 %status, 0
  %31 = select i1 %30, i64 %pc49, i64 %status
  store i64 %31, ptr %pc.p23, align 8, !tbaa !5
  %32 = trunc i64 %status to i32
  %reason = select i1 %30, i32 %32, i32 4
  br label %common.ret

hcall:                                            ; preds = %leaf.none
  %r67 = tail call i32 %target120125(ptr nonnull %cpu) #2
  %ret.pc = load i64, ptr %pc.p23, align 8, !tbaa !5
  %here = icmp ne i64 %ret.pc, 65782
  %returned = icmp ne i32 %r67, 4
  %ret.ok69.not = or i1 %returned, %here
  br i1 %ret.ok69.not, label %common.ret, label %hcall.ret, !prof !11

hcall.deep:                                       ; preds = %leaf.none
  %r65 = musttail call i32 %target120125(ptr nonnull %cpu) #2
  ret i32 %r65

hcall.ret:                                        ; preds = %hcall
  %x271 = load i64, ptr %1, align 8, !tbaa !5
  %x972 = load i64, ptr %2, align 8, !tbaa !5
  %x1073 = load i64, ptr %3, align 8, !tbaa !5
  %x1174 = load i64, ptr %4, align 8, !tbaa !5
  %x1575 = load i64, ptr %5, align 8, !tbaa !5
  br label %b_100f6
}
