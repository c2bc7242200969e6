define hidden range(i32 4, 10) i32 @fvp_100b0_caller(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 16
  %x2 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %3, align 8, !tbaa !5
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p22 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p22, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

b_100b0:                                          ; preds = %entry.switch
  %4 = add i64 %x2, -16
  %clamp.base = tail call i64 @llvm.umin.i64(i64 %4, i64 274877908992)
  %5 = getelementptr i8, ptr %mem_base, i64 %clamp.base
  %host = getelementptr i8, ptr %5, i64 8
  store i64 %x1, ptr %host, align 1, !tbaa !8
  %instret.n27 = add i64 %instret, 3
  store i64 %instret.n27, ptr %0, align 8, !tbaa !5
  store i64 65720, ptr %1, align 8, !tbaa !5
  store i64 %4, ptr %2, align 8, !tbaa !5
  %host.sp = tail call i64 @llvm.read_register.i64(metadata !10)
  %sp.limit.p = getelementptr inbounds i8, ptr %cpu, i64 600
  %sp.limit = load i64, ptr %sp.limit.p, align 8, !tbaa !5
  %deep = icmp ult i64 %host.sp, %sp.limit
  %req.i67 = load volatile i32, ptr %req.p, align 4
  %"stop?.not.i68" = icmp eq i32 %req.i67, 0
  br i1 %deep, label %hcall.deep, label %hcall

b_100b8:                                          ; preds = %fvp_100c0_callee.exit.thread, %entry.switch.b_100b8_crit_edge
  %clamp.base43.pre-phi = phi i64 [ %.pre, %entry.switch.b_100b8_crit_edge ], [ %clamp.base, %fvp_100c0_callee.exit.thread ]
  %instret.slot.0 = phi i64 [ %instret, %entry.switch.b_100b8_crit_edge ], [ %instret.n.i81, %fvp_100c0_callee.exit.thread ]
  %x2.slot.0 = phi i64 [ %9, %entry.switch.b_100b8_crit_edge ], [ %x2, %fvp_100c0_callee.exit.thread ]
  %x10.slot.0 = phi i64 [ %x10, %entry.switch.b_100b8_crit_edge ], [ %10, %fvp_100c0_callee.exit.thread ]
  %6 = add i64 %x10.slot.0, 1
  %7 = getelementptr i8, ptr %mem_base, i64 %clamp.base43.pre-phi
  %host45 = getelementptr i8, ptr %7, i64 8
  %ld = load i64, ptr %host45, align 1, !tbaa !8
  %8 = and i64 %ld, -2
  br label %exit

common.ret76:                                     ; preds = %fvp_100c0_callee.exit, %exit, %fvp_100c0_callee.exit75
  %.sink = phi i64 [ 65728, %fvp_100c0_callee.exit ], [ %exit.pc, %exit ], [ %exit.pc.i70, %fvp_100c0_callee.exit75 ]
  %common.ret76.op = phi i32 [ 9, %fvp_100c0_callee.exit ], [ %exit.reason, %exit ], [ %exit.reason.i71, %fvp_100c0_callee.exit75 ]
  store i64 %.sink, ptr %pc.p22, align 8, !tbaa !5
  ret i32 %common.ret76.op

exit:                                             ; preds = %start, %b_100b8
  %instret.slot.1 = phi i64 [ %instret, %start ], [ %instret.slot.0, %b_100b8 ]
  %x1.slot.0 = phi i64 [ %x1, %start ], [ %ld, %b_100b8 ]
  %x2.slot.1 = phi i64 [ %x2, %start ], [ %x2.slot.0, %b_100b8 ]
  %x10.slot.1 = phi i64 [ %x10, %start ], [ %6, %b_100b8 ]
  %exit.pc = phi i64 [ %pc, %start ], [ %8, %b_100b8 ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %b_100b8 ]
  %exit.count = phi i64 [ 0, %start ], [ 4, %b_100b8 ]
  %instret.n = add i64 %exit.count, %instret.slot.1
  store i64 %instret.n, ptr %0, align 8, !tbaa !5
  store i64 %x1.slot.0, ptr %1, align 8, !tbaa !5
  store i64 %x2.slot.1, ptr %2, align 8, !tbaa !5
  store i64 %x10.slot.1, ptr %3, align 8, !tbaa !5
  br label %common.ret76

entry.switch:                                     ; preds = %start
  %cond = icmp eq i64 %pc, 65720
  br i1 %cond, label %entry.switch.b_100b8_crit_edge, label %b_100b0

entry.switch.b_100b8_crit_edge:                   ; preds = %entry.switch
  %.pre = tail call i64 @llvm.umin.i64(i64 %x2, i64 274877908992)
  %9 = add i64 %x2, 16
  br label %b_100b8

hcall:                                            ; preds = %b_100b0
  br i1 %"stop?.not.i68", label %fvp_100c0_callee.exit.thread, label %fvp_100c0_callee.exit

fvp_100c0_callee.exit.thread:                     ; preds = %hcall
  %10 = shl i64 %x10, 1
  %instret.n.i81 = add i64 %instret, 5
  br label %b_100b8

fvp_100c0_callee.exit:                            ; preds = %hcall
  store i64 %instret.n27, ptr %0, align 8, !tbaa !5
  br label %common.ret76

hcall.deep:                                       ; preds = %b_100b0
  br i1 %"stop?.not.i68", label %entry.switch.i74, label %fvp_100c0_callee.exit75

entry.switch.i74:                                 ; preds = %hcall.deep
  %11 = shl i64 %x10, 1
  br label %fvp_100c0_callee.exit75

fvp_100c0_callee.exit75:                          ; preds = %hcall.deep, %entry.switch.i74
  %x10.slot.0.i69 = phi i64 [ %x10, %hcall.deep ], [ %11, %entry.switch.i74 ]
  %exit.pc.i70 = phi i64 [ 65728, %hcall.deep ], [ 65720, %entry.switch.i74 ]
  %exit.reason.i71 = phi i32 [ 9, %hcall.deep ], [ 4, %entry.switch.i74 ]
  %exit.count.i72 = phi i64 [ 0, %hcall.deep ], [ 2, %entry.switch.i74 ]
  %instret.n.i73 = add i64 %exit.count.i72, %instret.n27
  store i64 %instret.n.i73, ptr %0, align 8, !tbaa !5
  store i64 %x10.slot.0.i69, ptr %3, align 8, !tbaa !5
  br label %common.ret76
}

define hidden range(i32 4, 10) i32 @fvp_100c0_callee(ptr %cpu) local_unnamed_addr #2 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %2, align 8, !tbaa !5
  %pc.p18 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p18, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

exit:                                             ; preds = %start, %entry.switch
  %x10.slot.0 = phi i64 [ %x10, %start ], [ %3, %entry.switch ]
  %exit.pc = phi i64 [ %pc, %start ], [ %4, %entry.switch ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %entry.switch ]
  %exit.count = phi i64 [ 0, %start ], [ 2, %entry.switch ]
  %instret.n = add i64 %exit.count, %instret
  store i64 %instret.n, ptr %0, align 8, !tbaa !5
  store i64 %x10.slot.0, ptr %2, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p18, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %3 = shl i64 %x10, 1
  %4 = and i64 %x1, -2
  br label %exit
}
