define hidden range(i32 4, 10) i32 @fvp_100b0_fp_axpy(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %3, align 8, !tbaa !5
  %4 = getelementptr inbounds i8, ptr %cpu, i64 96
  %x12 = load i64, ptr %4, align 8, !tbaa !5
  %5 = getelementptr inbounds i8, ptr %cpu, i64 336
  %f1077 = load double, ptr %5, align 8, !tbaa !5
  %6 = getelementptr inbounds i8, ptr %cpu, i64 360
  %f13 = load i64, ptr %6, align 8, !tbaa !5
  %7 = getelementptr inbounds i8, ptr %cpu, i64 368
  %f14 = load i64, ptr %7, align 8, !tbaa !5
  %8 = getelementptr inbounds i8, ptr %cpu, i64 376
  %f15 = load i64, ptr %8, align 8, !tbaa !5
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p28 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p28, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

b_100b0:                                          ; preds = %entry.switch
  %9 = icmp eq i64 %x12, 0
  %instret.n31 = add i64 %instret, 2
  br i1 %9, label %b_100d0, label %loop_100b6.preheader

b_100b6:                                          ; preds = %b_100b6.preheader, %taken64
  %instret.slot.098 = phi i64 [ %instret.n67, %taken64 ], [ %instret.slot.0.ph, %b_100b6.preheader ]
  %x10.slot.097 = phi i64 [ %29, %taken64 ], [ %x10, %b_100b6.preheader ]
  %x11.slot.096 = phi i64 [ %28, %taken64 ], [ %x11, %b_100b6.preheader ]
  %x12.slot.095 = phi i64 [ %27, %taken64 ], [ %x12, %b_100b6.preheader ]
  %inrange = icmp ult i64 %x11.slot.096, 274877906937
  br i1 %inrange, label %mem.ok, label %fault

b_100d0:                                          ; preds = %mem.ok42, %b_100b0
  %f13.slot.1 = phi i64 [ %f13, %b_100b0 ], [ %ld45, %mem.ok42 ]
  %f15.slot.1 = phi i64 [ 0, %b_100b0 ], [ %26, %mem.ok42 ]
  %instret.slot.1 = phi i64 [ %instret.n31, %b_100b0 ], [ %22, %mem.ok42 ]
  %10 = bitcast i64 %f15.slot.1 to double
  %fcvt = tail call i32 @llvm.experimental.constrained.fptosi.i32.f64(double %10, metadata !"fpexcept.strict") #2
  %11 = and i64 %f15.slot.1, 9223372036854775807
  %isnan71 = icmp ugt i64 %11, 9218868437227405312
  %12 = icmp sgt i64 %f15.slot.1, -1
  %13 = or i1 %12, %isnan71
  %14 = icmp eq i32 %fcvt, -2147483648
  %15 = and i1 %14, %13
  %16 = sext i32 %fcvt to i64
  %17 = select i1 %15, i64 2147483647, i64 %16
  %olt = tail call i1 @llvm.experimental.constrained.fcmps.f64(double %10, double 0.000000e+00, metadata !"olt", metadata !"fpexcept.strict") #2
  %18 = zext i1 %olt to i64
  %19 = add nsw i64 %17, %18
  %20 = and i64 %x1, -2
  br label %exit

common.ret:                                       ; preds = %fault, %exit
  %common.ret.op = phi i32 [ %exit.reason, %exit ], [ 7, %fault ]
  ret i32 %common.ret.op

exit:                                             ; preds = %taken64, %loop_100b6.preheader, %start, %b_100d0
  %f13.slot.2 = phi i64 [ %f13.slot.1, %b_100d0 ], [ %f13, %start ], [ %f13, %loop_100b6.preheader ], [ %ld45, %taken64 ]
  %f14.slot.1 = phi i64 [ 0, %b_100d0 ], [ %f14, %start ], [ %f14, %loop_100b6.preheader ], [ %26, %taken64 ]
  %x12.slot.2 = phi i64 [ 0, %b_100d0 ], [ %x12, %start ], [ %x12, %loop_100b6.preheader ], [ %27, %taken64 ]
  %x11.slot.1 = phi i64 [ %18, %b_100d0 ], [ %x11, %start ], [ %x11, %loop_100b6.preheader ], [ %28, %taken64 ]
  %x10.slot.1 = phi i64 [ %19, %b_100d0 ], [ %x10, %start ], [ %x10, %loop_100b6.preheader ], [ %29, %taken64 ]
  %f15.slot.2 = phi i64 [ %f15.slot.1, %b_100d0 ], [ %f15, %start ], [ %f15.slot.0.ph, %loop_100b6.preheader ], [ %26, %taken64 ]
  %instret.slot.2 = phi i64 [ %instret.slot.1, %b_100d0 ], [ %instret, %start ], [ %instret.slot.0.ph, %loop_100b6.preheader ], [ %instret.n67, %taken64 ]
  %exit.pc = phi i64 [ %20, %b_100d0 ], [ %pc, %start ], [ 65718, %loop_100b6.preheader ], [ 65718, %taken64 ]
  %exit.reason = phi i32 [ 4, %b_100d0 ], [ 9, %start ], [ 9, %loop_100b6.preheader ], [ 9, %taken64 ]
  %exit.count = phi i64 [ 5, %b_100d0 ], [ 0, %start ], [ 0, %loop_100b6.preheader ], [ 0, %taken64 ]
  %instret.n = add i64 %exit.count, %instret.slot.2
  store i64 %instret.n, ptr %0, align 8, !tbaa !5
  store i64 %x10.slot.1, ptr %2, align 8, !tbaa !5
  store i64 %x11.slot.1, ptr %3, align 8, !tbaa !5
  store i64 %x12.slot.2, ptr %4, align 8, !tbaa !5
  store i64 %f13.slot.2, ptr %6, align 8, !tbaa !5
  store i64 %f14.slot.1, ptr %7, align 8, !tbaa !5
  store i64 %f15.slot.2, ptr %8, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p28, align 8, !tbaa !5
  br label %common.ret

fault:                                            ; preds = %mem.ok, %b_100b6
  %trap.pc20 = phi i64 [ 65718, %b_100b6 ], [ 65720, %mem.ok ]
  %trap.tval22 = phi i64 [ %x11.slot.096, %b_100b6 ], [ %x10.slot.097, %mem.ok ]
  store i64 %trap.pc20, ptr %pc.p28, align 8, !tbaa !5
  %cause.p25 = getelementptr inbounds i8, ptr %cpu, i64 560
  store i64 13, ptr %cause.p25, align 8, !tbaa !5
  %tval.p26 = getelementptr inbounds i8, ptr %cpu, i64 568
  store i64 %trap.tval22, ptr %tval.p26, align 8, !tbaa !5
  %pending.p27 = getelementptr inbounds i8, ptr %cpu, i64 576
  store i32 0, ptr %pending.p27, align 4
  br label %common.ret

entry.switch:                                     ; preds = %start
  %cond = icmp eq i64 %pc, 65718
  br i1 %cond, label %loop_100b6.preheader, label %b_100b0

loop_100b6.preheader:                             ; preds = %b_100b0, %entry.switch
  %f15.slot.0.ph = phi i64 [ %f15, %entry.switch ], [ 0, %b_100b0 ]
  %instret.slot.0.ph = phi i64 [ %instret, %entry.switch ], [ %instret.n31, %b_100b0 ]
  %req3593 = load volatile i32, ptr %req.p, align 4
  %"stop?37.not94" = icmp eq i32 %req3593, 0
  br i1 %"stop?37.not94", label %b_100b6.preheader, label %exit

b_100b6.preheader:                                ; preds = %loop_100b6.preheader
  %21 = mul i64 %x12, 10
  %22 = add i64 %instret.slot.0.ph, %21
  br label %b_100b6

mem.ok:                                           ; preds = %b_100b6
  %inrange41 = icmp ult i64 %x10.slot.097, 274877906937
  br i1 %inrange41, label %mem.ok42, label %fault

mem.ok42:                                         ; preds = %mem.ok
  %host = getelementptr i8, ptr %mem_base, i64 %x11.slot.096
  %ld78 = load double, ptr %host, align 1, !tbaa !8
  %host44 = getelementptr i8, ptr %mem_base, i64 %x10.slot.097
  %ld45 = load i64, ptr %host44, align 1, !tbaa !8
  %fmul = tail call double @llvm.experimental.constrained.fmul.f64(double %f1077, double %ld78, metadata !"round.dynamic", metadata !"fpexcept.strict") #2
  %23 = bitcast i64 %ld45 to double
  %24 = tail call double asm "", "=x,0"(double %23) #3
  %fadd = tail call double @llvm.experimental.constrained.fadd.f64(double %fmul, double %24, metadata !"round.dynamic", metadata !"fpexcept.strict") #2
  %isnan50 = tail call i1 @llvm.experimental.constrained.fcmp.f64(double %fadd, double %fadd, metadata !"uno", metadata !"fpexcept.strict") #2
  %25 = bitcast double %fadd to i64
  %26 = select i1 %isnan50, i64 9221120237041090560, i64 %25, !fvp.canon !10
  store i64 %26, ptr %host44, align 1, !tbaa !8
  %27 = add i64 %x12.slot.095, -1
  %.not = icmp eq i64 %27, 0
  br i1 %.not, label %b_100d0, label %taken64

taken64:                                          ; preds = %mem.ok42
  %28 = add nuw nsw i64 %x11.slot.096, 8
  %29 = add nuw nsw i64 %x10.slot.097, 8
  %instret.n67 = add i64 %instret.slot.098, 10
  %req35 = load volatile i32, ptr %req.p, align 4
  %"stop?37.not" = icmp eq i32 %req35, 0
  br i1 %"stop?37.not", label %b_100b6, label %exit
}
