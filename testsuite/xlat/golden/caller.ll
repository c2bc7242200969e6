define hidden range(i32 4, 10) i32 @fvp_100b0_caller(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 16
  %x2 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %2, align 8, !tbaa !5
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p16 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p16, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit, !prof !8

b_100b0:                                          ; preds = %entry.switch
  %3 = add i64 %x2, -16
  %clamp.base = tail call i64 @llvm.umin.i64(i64 %3, i64 274877908992)
  %4 = getelementptr i8, ptr %mem_base, i64 %clamp.base
  %host = getelementptr i8, ptr %4, i64 8
  store i64 %x1, ptr %host, align 1, !tbaa !9
  store i64 65720, ptr %0, align 8, !tbaa !5
  store i64 %3, ptr %1, align 8, !tbaa !5
  %host.sp = tail call i64 @llvm.read_register.i64(metadata !11)
  %sp.limit.p = getelementptr inbounds i8, ptr %cpu, i64 600
  %sp.limit = load i64, ptr %sp.limit.p, align 8, !tbaa !5
  %deep = icmp ult i64 %host.sp, %sp.limit
  %req.i52 = load volatile i32, ptr %req.p, align 4
  %"stop?.not.i53" = icmp eq i32 %req.i52, 0
  %5 = zext i1 %"stop?.not.i53" to i64
  %x10.slot.0.i54 = shl i64 %x10, %5
  %exit.pc.i55 = select i1 %"stop?.not.i53", i64 65720, i64 65728
  br i1 %deep, label %hcall.deep, label %hcall, !prof !12

b_100b8:                                          ; preds = %entry.switch.b_100b8_crit_edge, %hcall
  %clamp.base32.pre-phi = phi i64 [ %.pre, %entry.switch.b_100b8_crit_edge ], [ %clamp.base, %hcall ]
  %x2.slot.0 = phi i64 [ %9, %entry.switch.b_100b8_crit_edge ], [ %x2, %hcall ]
  %x10.slot.0 = phi i64 [ %x10, %entry.switch.b_100b8_crit_edge ], [ %x10.slot.0.i54, %hcall ]
  %6 = add i64 %x10.slot.0, 1
  %7 = getelementptr i8, ptr %mem_base, i64 %clamp.base32.pre-phi
  %host34 = getelementptr i8, ptr %7, i64 8
  %ld = load i64, ptr %host34, align 1, !tbaa !9
  %8 = and i64 %ld, -2
  br label %exit

common.ret57.sink.split:                          ; preds = %hcall.deep, %exit
  %x10.slot.1.sink = phi i64 [ %x10.slot.1, %exit ], [ %x10.slot.0.i54, %hcall.deep ]
  %exit.pc.sink = phi i64 [ %exit.pc, %exit ], [ %exit.pc.i55, %hcall.deep ]
  %common.ret57.op.ph = phi i32 [ %exit.reason, %exit ], [ %exit.reason.i56, %hcall.deep ]
  store i64 %x10.slot.1.sink, ptr %2, align 8, !tbaa !5
  store i64 %exit.pc.sink, ptr %pc.p16, align 8, !tbaa !5
  br label %common.ret57

common.ret57:                                     ; preds = %common.ret57.sink.split, %hcall
  %common.ret57.op = phi i32 [ 9, %hcall ], [ %common.ret57.op.ph, %common.ret57.sink.split ]
  ret i32 %common.ret57.op

exit:                                             ; preds = %start, %b_100b8
  %x1.slot.0 = phi i64 [ %x1, %start ], [ %ld, %b_100b8 ]
  %x2.slot.1 = phi i64 [ %x2, %start ], [ %x2.slot.0, %b_100b8 ]
  %x10.slot.1 = phi i64 [ %x10, %start ], [ %6, %b_100b8 ]
  %exit.pc = phi i64 [ %pc, %start ], [ %8, %b_100b8 ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %b_100b8 ]
  store i64 %x1.slot.0, ptr %0, align 8, !tbaa !5
  store i64 %x2.slot.1, ptr %1, align 8, !tbaa !5
  br label %common.ret57.sink.split

entry.switch:                                     ; preds = %start
  %cond = icmp eq i64 %pc, 65720
  br i1 %cond, label %entry.switch.b_100b8_crit_edge, label %b_100b0

entry.switch.b_100b8_crit_edge:                   ; preds = %entry.switch
  %.pre = tail call i64 @llvm.umin.i64(i64 %x2, i64 274877908992)
  %9 = add i64 %x2, 16
  br label %b_100b8

hcall:                                            ; preds = %b_100b0
  store i64 %x10.slot.0.i54, ptr %2, align 8, !tbaa !5
  store i64 %exit.pc.i55, ptr %pc.p16, align 8, !tbaa !5
  br i1 %"stop?.not.i53", label %b_100b8, label %common.ret57, !prof !8

hcall.deep:                                       ; preds = %b_100b0
  %exit.reason.i56 = select i1 %"stop?.not.i53", i32 4, i32 9, !prof !8
  br label %common.ret57.sink.split
}

define hidden range(i32 4, 10) i32 @fvp_100c0_callee(ptr %cpu) local_unnamed_addr #2 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %1, align 8, !tbaa !5
  %pc.p12 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p12, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  %2 = and i64 %x1, -2
  %3 = zext i1 %"stop?.not" to i64
  %x10.slot.0 = shl i64 %x10, %3
  %exit.pc = select i1 %"stop?.not", i64 %2, i64 %pc, !prof !8
  %exit.reason = select i1 %"stop?.not", i32 4, i32 9, !prof !8
  store i64 %x10.slot.0, ptr %1, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p12, align 8, !tbaa !5
  ret i32 %exit.reason
}
